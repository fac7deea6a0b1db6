using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Training.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary>Options of <c>train mnist-ae</c>; the defaults are the reference recipe (full batch, 500 Adam steps, lr 1e-3).</summary>
public sealed class TrainMnistAeSettings : TorchSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("linear (F1: Linear, Linear) or relu (F2: Linear, ReLU, Linear, ReLU).")]
    public AutoencoderKind Kind { get; init; } = AutoencoderKind.Linear;
    [CommandOption("--hidden <LIST>")]
    [Description("Hidden sizes h, comma-separated; one run each (32,64,128).")]
    public string Hidden { get; init; } = "32,64,128";
    [CommandOption("--steps <N>")]
    [Description("Adam steps (500).")]
    public int Steps { get; init; } = 500;
    [CommandOption("--lr <LR>")]
    [Description("Adam learning rate (1e-3).")]
    public double Lr { get; init; } = 1e-3;
    [CommandOption("--batch <N>")]
    [Description("Mini-batch size; default: the full 60,000-image training set every step.")]
    public int? Batch { get; init; }
    [CommandOption("--cosine")]
    [Description("Decay the learning rate to zero along a cosine over the steps (off in the reference recipe).")]
    public bool Cosine { get; init; }
    [CommandOption("--seed <SEED>")]
    [Description("Seed of the initial weights and batch order (1).")]
    public int Seed { get; init; } = 1;
    [CommandOption("--runs <DIR>")]
    [Description("Folder of the run folders, runs/<name>/ (runs).")]
    public string Runs { get; init; } = "runs";
    [CommandOption("--models <DIR>")]
    [Description("Where the ONNX models go, e.g. models (default: each run folder).")]
    public string? Models { get; init; }
    [CommandOption("--no-export")]
    [Description("Train only; do not write <name>.onnx.")]
    public bool NoExport { get; init; }
    [CommandOption("--force")]
    [Description("Replace existing models, cards, or run folders of other options.")]
    public bool Force { get; init; }

    public IReadOnlyList<int> HiddenSizes() =>
        Hidden.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray();

    public AutoencoderOptions Options(int hidden) => new()
    {
        Kind = Kind, Hidden = hidden, Steps = Steps, LearningRate = Lr, BatchSize = Batch, Cosine = Cosine, Seed = Seed, Threads = Threads ?? 0,
    };

    public override ValidationResult Validate()
    {
        IReadOnlyList<int> hidden;
        try
        {
            hidden = HiddenSizes();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return ValidationResult.Error($"--hidden {Hidden}: expected a comma-separated list of integers");
        }
        return OptionRules.Check(
            hidden.Count == 0 ? "--hidden: expected at least one size" : null,
            hidden.Select(h => OptionRules.Range("--hidden", h, 1, MnistPixels)).FirstOrDefault(p => p is not null),
            OptionRules.Range("--steps", Steps, 1, OptionRules.MaxCount),
            OptionRules.Range("--batch", Batch, 1, MnistTrainingImages),
            OptionRules.Positive("--lr", Lr)) ?? base.Validate();
    }

    // An autoencoder's code is narrower than its 28x28 input; a mini-batch is at most the whole training set.
    private const int MnistPixels = 784;
    private const int MnistTrainingImages = 60_000;
}
