using System.Numerics;
using System.Runtime.CompilerServices;

namespace Toolkit.Inference.Attacks;

/// <summary>One signed-gradient step, projected onto the L-infinity ball of radius eps around the clean image and onto [0, 1].</summary>
public static class SignStep
{
    /// <summary>x = clamp(clamp(x + step sign(gradient), clean - eps, clean + eps), 0, 1); a NaN gradient moves nothing.</summary>
    public static void Apply(Span<float> x, ReadOnlySpan<float> clean, ReadOnlySpan<float> gradient, float step, float eps) =>
        Apply(x, clean, gradient, step, eps, x);

    /// <summary>
    /// The same step from <paramref name="from"/> into <paramref name="to"/> (which may be the same memory), so
    /// that a first step from the clean image needs no copy of it.
    /// </summary>
    // Optimized from the first call: the attack timings start at once, before tiered compilation would step in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(ReadOnlySpan<float> from, ReadOnlySpan<float> clean, ReadOnlySpan<float> gradient, float step, float eps, Span<float> to)
    {
        if (from.Length != to.Length || clean.Length < to.Length || gradient.Length < to.Length)
            throw new ArgumentException("start, clean image or gradient shorter than the result");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var steps = new Vector<float>(step);
            var radius = new Vector<float>(eps);
            for (; i <= to.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(gradient[i..]);
                var c = new Vector<float>(clean[i..]);
                var direction = Vector.ConditionalSelect(Vector.GreaterThan(g, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero)
                    - Vector.ConditionalSelect(Vector.LessThan(g, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero);
                var moved = new Vector<float>(from[i..]) + steps * direction;
                var projected = Vector.Min(Vector.Max(moved, c - radius), c + radius);
                Vector.Min(Vector.Max(projected, Vector<float>.Zero), Vector<float>.One).CopyTo(to[i..]);
            }
        }
        for (; i < to.Length; i++)
        {
            float direction = gradient[i] > 0 ? 1f : gradient[i] < 0 ? -1f : 0f;
            float projected = Math.Min(Math.Max(from[i] + step * direction, clean[i] - eps), clean[i] + eps);
            to[i] = Math.Min(Math.Max(projected, 0f), 1f);
        }
    }
}
