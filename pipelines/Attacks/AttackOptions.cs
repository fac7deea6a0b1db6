using Toolkit.Inference.Attacks;
using Toolkit.Inference.Images;
using Toolkit.Pipelines.Options;

namespace Toolkit.Pipelines.Attacks;

/// <summary>
/// An attack run as the user asks for it, each value named as on the command line: the methods, strengths and data
/// set, or one image (<see cref="Image"/>), and where the outputs go: a report folder, or the adversarial PNG.
/// </summary>
public sealed record AttackOptions
{
    public string Method { get; init; } = "fgsm";
    public string Eps { get; init; } = "0.025";
    public int Steps { get; init; } = 10;
    public float? Alpha { get; init; }
    public bool RandomStart { get; init; }
    public string? Targeted { get; init; }
    public string Dataset { get; init; } = "cifar10-test";
    public int? Limit { get; init; }
    public int Batch { get; init; } = 256;
    public int Seed { get; init; }
    public float ExampleEps { get; init; } = 0.025f;
    public string? Image { get; init; }
    public string? Out { get; init; }
    public long MaxPixels { get; init; } = ImageDecoder.DefaultMaxPixels;
    public bool Force { get; init; }

    public IReadOnlyList<IAttack> Methods() => AttackMethods.Parse(Method, Steps, Alpha, RandomStart, Seed);

    public IReadOnlyList<float> Epsilons() => Inference.Attacks.Epsilons.Parse(Eps);

    /// <summary>The first problem of these options (naming the option), or null when they can run.</summary>
    public string? Problem()
    {
        try
        {
            int epsilons = Epsilons().Count;
            Methods(); // names the option of a wrong method, step count or step size
            return OptionRules.First(
                string.IsNullOrWhiteSpace(Out) ? "--out is required" : null,
                OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
                OptionRules.Range("--limit", Limit, 1, int.MaxValue),
                OptionRules.Range("--steps", Steps, 1, OptionRules.MaxCount),
                OptionRules.Positive("--alpha", Alpha),
                ExampleEps is >= 0 and <= 1 ? null : $"--example-eps {ExampleEps}: expected 0 to 1 (pixel units)",
                OptionRules.Range("--max-pixels", MaxPixels, 1, OptionRules.MaxPixels),
                Image is not null ? OptionRules.PngPath("--out", Out)
                    : File.Exists(Out) ? $"--out {Out}: expected a folder for the report and plots, found a file" : null,
                Image is not null && !File.Exists(Image) ? $"{Image}: image file not found" : null,
                Image is not null && epsilons != 1 ? "--image takes a single --eps" : null);
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
