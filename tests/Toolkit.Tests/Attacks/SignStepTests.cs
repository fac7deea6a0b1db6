using Toolkit.Inference.Attacks;
using Xunit;

namespace Toolkit.Tests.Attacks;

public sealed class SignStepTests
{
    /// <summary>Lengths that end inside a vector and after whole vectors exercise both the vector body and the scalar tail.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(3072)]
    public void EveryValueMovesBySignAndStaysInTheBallAndInZeroOne(int length)
    {
        var random = new Random(length);
        float[] clean = Enumerable.Range(0, length).Select(_ => random.NextSingle()).ToArray();
        float[] gradient = Enumerable.Range(0, length).Select(i => i % 5 == 0 ? 0f : random.NextSingle() * 2 - 1).ToArray();
        float[] x = clean.Select(c => Math.Clamp(c + (random.NextSingle() * 2 - 1) * 0.05f, 0f, 1f)).ToArray();
        float[] start = x.ToArray();
        const float step = 0.03f, eps = 0.04f;

        SignStep.Apply(x, clean, gradient, step, eps);

        for (int i = 0; i < length; i++)
        {
            float moved = start[i] + step * Math.Sign(gradient[i]);
            float expected = Math.Clamp(Math.Clamp(moved, clean[i] - eps, clean[i] + eps), 0f, 1f);
            Assert.Equal(expected, x[i]);
        }
    }
}
