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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LowerTriangle(ReadOnlySpan<double> columns, int n, int k, Span<double> gram)
    {
        if (columns.Length < n * k) throw new ArgumentException("fewer values than n × k", nameof(columns));
        if (gram.Length < k * k) throw new ArgumentException("the output holds fewer than k × k values", nameof(gram));
        ref double origin = ref MemoryMarshal.GetReference(columns);
        int i = 0;
        // Rows i and i + 1 together against blocks of four columns: eight accumulators, six loads per step.
        for (; i + 1 < k; i += 2)
        {
            ref double x0 = ref Unsafe.Add(ref origin, i * n);
            ref double x1 = ref Unsafe.Add(ref origin, (i + 1) * n);
            int j = 0;
            for (; j + 3 <= i; j += 4)
                Dots2x4(ref x0, ref x1, ref Unsafe.Add(ref origin, j * n), n, gram.Slice(i * k + j, 4), gram.Slice((i + 1) * k + j, 4));
            for (int rest = j; rest <= i; rest++) gram[i * k + rest] = Dot(ref x0, ref Unsafe.Add(ref origin, rest * n), n);
            for (int rest = j; rest <= i + 1; rest++) gram[(i + 1) * k + rest] = Dot(ref x1, ref Unsafe.Add(ref origin, rest * n), n);
        }
        for (; i < k; i++)
        {
            ref double x = ref Unsafe.Add(ref origin, i * n);
            int j = 0;
            for (; j + 3 <= i; j += 4)
                Dots4(ref x, ref Unsafe.Add(ref origin, j * n), n, gram.Slice(i * k + j, 4));
            for (; j <= i; j++)
                gram[i * k + j] = Dot(ref x, ref Unsafe.Add(ref origin, j * n), n);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots2x4(ref double x0, ref double x1, ref double y, int n, Span<double> first, Span<double> second)
    {
        int width = Vector<double>.Count, e = 0;
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<double> b0 = default, b1 = default, b2 = default, b3 = default;
        ref double y1 = ref Unsafe.Add(ref y, n);
        ref double y2 = ref Unsafe.Add(ref y, 2 * n);
        ref double y3 = ref Unsafe.Add(ref y, 3 * n);
        if (Vector.IsHardwareAccelerated)
        {
            for (; e <= n - width; e += width)
            {
                var u = Vector.LoadUnsafe(ref x0, (nuint)e);
                var v = Vector.LoadUnsafe(ref x1, (nuint)e);
                var c0 = Vector.LoadUnsafe(ref y, (nuint)e);
                var c1 = Vector.LoadUnsafe(ref y1, (nuint)e);
                var c2 = Vector.LoadUnsafe(ref y2, (nuint)e);
                var c3 = Vector.LoadUnsafe(ref y3, (nuint)e);
                a0 = Vector.FusedMultiplyAdd(u, c0, a0);
                a1 = Vector.FusedMultiplyAdd(u, c1, a1);
                a2 = Vector.FusedMultiplyAdd(u, c2, a2);
                a3 = Vector.FusedMultiplyAdd(u, c3, a3);
                b0 = Vector.FusedMultiplyAdd(v, c0, b0);
                b1 = Vector.FusedMultiplyAdd(v, c1, b1);
                b2 = Vector.FusedMultiplyAdd(v, c2, b2);
                b3 = Vector.FusedMultiplyAdd(v, c3, b3);
            }
        }
        double p0 = Vector.Sum(a0), p1 = Vector.Sum(a1), p2 = Vector.Sum(a2), p3 = Vector.Sum(a3);
        double q0 = Vector.Sum(b0), q1 = Vector.Sum(b1), q2 = Vector.Sum(b2), q3 = Vector.Sum(b3);
        for (; e < n; e++)
        {
            double u = Unsafe.Add(ref x0, e), v = Unsafe.Add(ref x1, e);
            double c0 = Unsafe.Add(ref y, e), c1 = Unsafe.Add(ref y1, e), c2 = Unsafe.Add(ref y2, e), c3 = Unsafe.Add(ref y3, e);
            p0 += u * c0; p1 += u * c1; p2 += u * c2; p3 += u * c3;
            q0 += v * c0; q1 += v * c1; q2 += v * c2; q3 += v * c3;
        }
        first[0] = p0; first[1] = p1; first[2] = p2; first[3] = p3;
        second[0] = q0; second[1] = q1; second[2] = q2; second[3] = q3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
