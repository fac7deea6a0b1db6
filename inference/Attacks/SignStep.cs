using System.Numerics;
using System.Runtime.CompilerServices;

namespace Toolkit.Inference.Attacks;

/// <summary>One signed-gradient step, projected onto the L-infinity ball of radius eps around the clean image and onto [0, 1].</summary>
public static class SignStep
{
    /// <summary>x = clamp(clamp(x + step sign(gradient), clean - eps, clean + eps), 0, 1); a NaN gradient moves nothing.</summary>
    // Optimized from the first call: the attack timings start at once, before tiered compilation would step in.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Span<float> x, ReadOnlySpan<float> clean, ReadOnlySpan<float> gradient, float step, float eps)
    {
        if (clean.Length < x.Length || gradient.Length < x.Length) throw new ArgumentException("clean image or gradient shorter than x");
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var steps = new Vector<float>(step);
            var radius = new Vector<float>(eps);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(gradient[i..]);
                var c = new Vector<float>(clean[i..]);
                var direction = Vector.ConditionalSelect(Vector.GreaterThan(g, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero)
                    - Vector.ConditionalSelect(Vector.LessThan(g, Vector<float>.Zero), Vector<float>.One, Vector<float>.Zero);
                var moved = new Vector<float>(x[i..]) + steps * direction;
                var projected = Vector.Min(Vector.Max(moved, c - radius), c + radius);
                Vector.Min(Vector.Max(projected, Vector<float>.Zero), Vector<float>.One).CopyTo(x[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            float direction = gradient[i] > 0 ? 1f : gradient[i] < 0 ? -1f : 0f;
            float projected = Math.Min(Math.Max(x[i] + step * direction, clean[i] - eps), clean[i] + eps);
            x[i] = Math.Min(Math.Max(projected, 0f), 1f);
        }
    }
}
