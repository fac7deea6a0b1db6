using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// Dot product and scaled add over short rows of doubles (a factor row of d values), in 512-bit, then 256-bit
/// vectors, then scalars, so that ranks that are not a multiple of eight lose little.
/// </summary>
public static class RowKernels
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ref double x, ref double y, int length)
    {
        int i = 0;
        // One horizontal sum per call: the 512-bit part is folded into the 256-bit accumulator first.
        var sum = Vector256<double>.Zero;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            var wide = Vector512<double>.Zero;
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                wide = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), wide);
            sum = wide.GetLower() + wide.GetUpper();
        }
        if (Vector256.IsHardwareAccelerated && i <= length - Vector256<double>.Count)
        {
            sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref y, (nuint)i), sum);
            i += Vector256<double>.Count;
        }
        double dot = Vector256.Sum(sum);
        for (; i < length; i++) dot += Unsafe.Add(ref x, i) * Unsafe.Add(ref y, i);
        return dot;
    }

    /// <summary>y += scale · x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(ref double y, ref double x, double scale, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            var factor = Vector512.Create(scale);
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), factor, Vector512.LoadUnsafe(ref y, (nuint)i))
                    .StoreUnsafe(ref y, (nuint)i);
        }
        if (Vector256.IsHardwareAccelerated && i <= length - Vector256<double>.Count)
        {
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.Create(scale), Vector256.LoadUnsafe(ref y, (nuint)i))
                .StoreUnsafe(ref y, (nuint)i);
            i += Vector256<double>.Count;
        }
        for (; i < length; i++) Unsafe.Add(ref y, i) += scale * Unsafe.Add(ref x, i);
    }

    /// <summary>(x0 · y, x1 · y) in one pass over y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double First, double Second) Dot2(ref double x0, ref double x1, ref double y, int length)
    {
        int i = 0;
        Vector256<double> sum0 = Vector256<double>.Zero, sum1 = Vector256<double>.Zero;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            Vector512<double> wide0 = Vector512<double>.Zero, wide1 = Vector512<double>.Zero;
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref y, (nuint)i);
                wide0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)i), v, wide0);
                wide1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)i), v, wide1);
            }
            sum0 = wide0.GetLower() + wide0.GetUpper();
            sum1 = wide1.GetLower() + wide1.GetUpper();
        }
        if (Vector256.IsHardwareAccelerated && i <= length - Vector256<double>.Count)
        {
            var v = Vector256.LoadUnsafe(ref y, (nuint)i);
            sum0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)i), v, sum0);
            sum1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)i), v, sum1);
            i += Vector256<double>.Count;
        }
        double dot0 = Vector256.Sum(sum0), dot1 = Vector256.Sum(sum1);
        for (; i < length; i++)
        {
            double v = Unsafe.Add(ref y, i);
            dot0 += Unsafe.Add(ref x0, i) * v;
            dot1 += Unsafe.Add(ref x1, i) * v;
        }
        return (dot0, dot1);
    }

    /// <summary>y += scale0 · x0 + scale1 · x1 in one pass over y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled2(ref double y, ref double x0, double scale0, ref double x1, double scale1, int length)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            Vector512<double> factor0 = Vector512.Create(scale0), factor1 = Vector512.Create(scale1);
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                var sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x0, (nuint)i), factor0, Vector512.LoadUnsafe(ref y, (nuint)i));
                Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x1, (nuint)i), factor1, sum).StoreUnsafe(ref y, (nuint)i);
            }
        }
        if (Vector256.IsHardwareAccelerated && i <= length - Vector256<double>.Count)
        {
            var sum = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x0, (nuint)i), Vector256.Create(scale0), Vector256.LoadUnsafe(ref y, (nuint)i));
            Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x1, (nuint)i), Vector256.Create(scale1), sum).StoreUnsafe(ref y, (nuint)i);
            i += Vector256<double>.Count;
        }
        for (; i < length; i++) Unsafe.Add(ref y, i) += scale0 * Unsafe.Add(ref x0, i) + scale1 * Unsafe.Add(ref x1, i);
    }
}
