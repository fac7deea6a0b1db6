namespace Toolkit.Inference.Attacks;

/// <summary>
/// What an attack run does: each method at each eps, against true labels or targets. The example grid shows
/// <see cref="ExampleCount"/> images that the first method turns at the eps nearest <see cref="ExampleEps"/>.
/// </summary>
public sealed record AttackPlan(
    IReadOnlyList<IAttack> Methods,
    IReadOnlyList<float> Epsilons,
    Targets Targets,
    int BatchSize = 256,
    int Seed = 0,
    float ExampleEps = 0.025f,
    int ExampleCount = 4)
{
    /// <summary>Units of progress for a set of this size: one clean pass plus one pass per method and eps.</summary>
    public int Work(int images) => images * (1 + Methods.Count * Epsilons.Count);

    public float? NearestExampleEps() =>
        Epsilons.Where(e => e > 0).OrderBy(e => Math.Abs(e - ExampleEps)).Select(e => (float?)e).FirstOrDefault();
}
