using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// The lower triangle of XᵀX for a column-major X (k columns of length n): each column is read once per
/// block of four partner columns, with four vector accumulators, so the d×d normal equations of ALS are
/// built at close to the machine's multiply-add rate.
/// </summary>
public static class GramKernel
{
    /// <summary>gram[i * k + j] = column_i · column_j for j ≤ i; the upper triangle is left as it was.</summary>
    public static void LowerTriangle(ReadOnlySpan<double> columns, int n, int k, Span<double> gram)
    {
        if (columns.Length < n * k) throw new ArgumentException("fewer values than n × k", nameof(columns));
        if (gram.Length < k * k) throw new ArgumentException("the output holds fewer than k × k values", nameof(gram));
        ref double origin = ref MemoryMarshal.GetReference(columns);
        for (int i = 0; i < k; i++)
        {
            ref double x = ref Unsafe.Add(ref origin, i * n);
            int j = 0;
            for (; j + 3 <= i; j += 4)
                Dots4(ref x, ref Unsafe.Add(ref origin, j * n), n, gram.Slice(i * k + j, 4));
            for (; j <= i; j++)
                gram[i * k + j] = Dot(ref x, ref Unsafe.Add(ref origin, j * n), n);
        }
    }

    private static void Dots4(ref double x, ref double y, int n, Span<double> result)
    {
        int width = Vector<double>.Count, e = 0;
        var s0 = Vector<double>.Zero;
        var s1 = Vector<double>.Zero;
        var s2 = Vector<double>.Zero;
        var s3 = Vector<double>.Zero;
        ref double y1 = ref Unsafe.Add(ref y, n);
        ref double y2 = ref Unsafe.Add(ref y, 2 * n);
        ref double y3 = ref Unsafe.Add(ref y, 3 * n);
        if (Vector.IsHardwareAccelerated)
        {
            for (; e <= n - width; e += width)
            {
                var vx = Vector.LoadUnsafe(ref x, (nuint)e);
                s0 = Vector.FusedMultiplyAdd(vx, Vector.LoadUnsafe(ref y, (nuint)e), s0);
                s1 = Vector.FusedMultiplyAdd(vx, Vector.LoadUnsafe(ref y1, (nuint)e), s1);
                s2 = Vector.FusedMultiplyAdd(vx, Vector.LoadUnsafe(ref y2, (nuint)e), s2);
                s3 = Vector.FusedMultiplyAdd(vx, Vector.LoadUnsafe(ref y3, (nuint)e), s3);
            }
        }
        double d0 = Vector.Sum(s0), d1 = Vector.Sum(s1), d2 = Vector.Sum(s2), d3 = Vector.Sum(s3);
        for (; e < n; e++)
        {
            double xe = Unsafe.Add(ref x, e);
            d0 += xe * Unsafe.Add(ref y, e);
            d1 += xe * Unsafe.Add(ref y1, e);
            d2 += xe * Unsafe.Add(ref y2, e);
            d3 += xe * Unsafe.Add(ref y3, e);
        }
        result[0] = d0;
        result[1] = d1;
        result[2] = d2;
        result[3] = d3;
    }

    private static double Dot(ref double x, ref double y, int n)
    {
        int width = Vector<double>.Count, e = 0;
        var sum = Vector<double>.Zero;
        if (Vector.IsHardwareAccelerated)
            for (; e <= n - width; e += width)
                sum = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref x, (nuint)e), Vector.LoadUnsafe(ref y, (nuint)e), sum);
        double total = Vector.Sum(sum);
        for (; e < n; e++) total += Unsafe.Add(ref x, e) * Unsafe.Add(ref y, e);
        return total;
    }
}
