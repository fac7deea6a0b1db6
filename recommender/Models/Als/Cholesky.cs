using System.Runtime.CompilerServices;

namespace Toolkit.Recommender.Models.Als;

/// <summary>Solves A x = b for a symmetric positive definite A, in place, by Cholesky factorisation A = L Lᵀ.</summary>
public static class Cholesky
{
    /// <summary>
    /// Factorises the lower triangle of the row-major n × n matrix <paramref name="a"/> in place (the upper
    /// triangle is not read) and overwrites <paramref name="b"/> with the solution. Returns false when A is
    /// not positive definite.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Solve(Span<double> a, Span<double> b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            var rowJ = a.Slice(j * n, j);
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) diagonal -= rowJ[k] * rowJ[k];
            if (!(diagonal > 0)) return false;
            double pivot = Math.Sqrt(diagonal);
            a[j * n + j] = pivot;
            double inverse = 1 / pivot;
            for (int i = j + 1; i < n; i++)
            {
                var rowI = a.Slice(i * n, j);
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) sum -= rowI[k] * rowJ[k];
                a[i * n + j] = sum * inverse;
            }
        }
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= a[i * n + k] * b[k];
            b[i] = sum / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++) sum -= a[k * n + i] * b[k];
            b[i] = sum / a[i * n + i];
        }
        return true;
    }
}
