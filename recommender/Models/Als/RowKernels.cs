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
        double dot = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            var sum = Vector512<double>.Zero;
            for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                sum = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref x, (nuint)i), Vector512.LoadUnsafe(ref y, (nuint)i), sum);
            dot = Vector512.Sum(sum);
        }
        if (Vector256.IsHardwareAccelerated && i <= length - Vector256<double>.Count)
        {
            dot += Vector256.Sum(Vector256.LoadUnsafe(ref x, (nuint)i) * Vector256.LoadUnsafe(ref y, (nuint)i));
            i += Vector256<double>.Count;
        }
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
}
