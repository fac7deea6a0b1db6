namespace Toolkit.Inference.Attacks;

/// <summary>One signed-gradient step, projected onto the L-infinity ball of radius eps around the clean image and onto [0, 1].</summary>
public static class SignStep
{
    public static void Apply(Span<float> x, ReadOnlySpan<float> clean, ReadOnlySpan<float> gradient, float step, float eps)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float moved = x[i] + step * MathF.Sign(gradient[i]);
            x[i] = Math.Clamp(Math.Clamp(moved, clean[i] - eps, clean[i] + eps), 0f, 1f);
        }
    }
}
