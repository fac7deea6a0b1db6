namespace Toolkit.Inference.Attacks;

/// <summary>
/// Projected gradient descent: <see cref="Steps"/> signed steps of size alpha, each projected back onto the eps
/// ball and [0, 1], optionally from a uniformly random start inside the ball. Alpha defaults to 2.5 eps / steps,
/// so the steps can cross the ball and still refine near its boundary.
/// </summary>
public sealed class Pgd(int steps, float? alpha = null, bool randomStart = false, int seed = 0) : IAttack
{
    private readonly Random _random = new(seed);

    public int Steps { get; } = steps > 0 ? steps : throw new ArgumentException("PGD needs at least one step");
    public float? Alpha { get; } = alpha;
    public bool RandomStart { get; } = randomStart;

    public string Name => $"pgd-{Steps}";

    public int GradientSteps => Steps;

    public float StepSize(float eps) => Alpha ?? 2.5f * eps / Steps;

    public void Perturb(InputGradients gradients, float[] clean, long[] labels, int count, float eps, bool targeted, float[] adversarial)
    {
        int length = count * gradients.InputSize;
        clean.AsSpan(0, length).CopyTo(adversarial);
        if (eps == 0) return;
        if (RandomStart) StartRandomly(adversarial.AsSpan(0, length), eps);

        float step = targeted ? -StepSize(eps) : StepSize(eps);
        for (int s = 0; s < Steps; s++)
        {
            var gradient = gradients.At(adversarial, labels, count);
            SignStep.Apply(adversarial.AsSpan(0, length), clean.AsSpan(0, length), gradient, step, eps);
        }
    }

    private void StartRandomly(Span<float> x, float eps)
    {
        for (int i = 0; i < x.Length; i++)
            x[i] = Math.Clamp(x[i] + (_random.NextSingle() * 2 - 1) * eps, 0f, 1f);
    }
}
