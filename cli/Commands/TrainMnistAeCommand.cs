using Toolkit.Datasets.Mnist;
using Toolkit.Pipelines.Mnist;
using Toolkit.Training.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary>Options of <c>train mnist-ae</c>; the defaults are the reference recipe (full batch, 500 Adam steps, lr 1e-3).</summary>
public sealed class TrainMnistAeSettings : TorchSettings
{
    [CommandOption("--kind <KIND>"), Description("linear (F1: Linear, Linear) or relu (F2: Linear, ReLU, Linear, ReLU).")]
    public AutoencoderKind Kind { get; init; } = AutoencoderKind.Linear;
    [CommandOption("--hidden <LIST>"), Description("Hidden sizes h, comma-separated; one run each (32,64,128).")]
    public string Hidden { get; init; } = "32,64,128";
    [CommandOption("--steps <N>"), Description("Adam steps (500).")]
    public int Steps { get; init; } = 500;
    [CommandOption("--lr <LR>"), Description("Adam learning rate (1e-3).")]
    public double Lr { get; init; } = 1e-3;
    [CommandOption("--batch <N>"), Description("Mini-batch size; default: the full 60,000-image training set every step.")]
    public int? Batch { get; init; }
    [CommandOption("--cosine"), Description("Decay the learning rate to zero along a cosine over the steps (off in the reference recipe).")]
    public bool Cosine { get; init; }
    [CommandOption("--seed <SEED>"), Description("Seed of the initial weights and batch order (1).")]
    public int Seed { get; init; } = 1;
    [CommandOption("--runs <DIR>"), Description("Folder of the run folders, runs/<name>/ (runs).")]
    public string Runs { get; init; } = "runs";
    [CommandOption("--models <DIR>"), Description("Where the ONNX models go, e.g. models (default: each run folder).")]
    public string? Models { get; init; }
    [CommandOption("--no-export"), Description("Train only; do not write <name>.onnx.")]
    public bool NoExport { get; init; }
    [CommandOption("--force"), Description("Replace existing models, cards, or run folders of other options.")]
    public bool Force { get; init; }

    // An autoencoder's code is narrower than its 28x28 input; a mini-batch is at most the whole training set.
    public override ValidationResult Validate() =>
        Validation.Check(
            OptionRules.List<int>("--hidden", Hidden, h => OptionRules.Range("--hidden", h, 1, MnistImages.PixelsPerImage)),
            OptionRules.Range("--steps", Steps, 1, OptionRules.MaxCount),
            OptionRules.Range("--batch", Batch, 1, MnistTrainingImages),
            OptionRules.Positive("--lr", Lr)) ?? base.Validate();

    private const int MnistTrainingImages = 60_000;

    /// <summary>One autoencoder run per hidden size.</summary>
    public IEnumerable<AutoencoderOptions> RunOptions() => OptionRules.Values<int>(Hidden).Select(hidden => new AutoencoderOptions
    {
        Kind = Kind, Hidden = hidden, Steps = Steps, LearningRate = Lr, BatchSize = Batch, Cosine = Cosine, Seed = Seed, Threads = Threads ?? 0,
    });
}

/// <summary><c>toolkit train mnist-ae</c>: one autoencoder run per hidden size, each in runs/mnist-ae-KIND-hH/.</summary>
public sealed class TrainMnistAeCommand : Command<TrainMnistAeSettings>
{
    public override int Execute(CommandContext context, TrainMnistAeSettings settings, CancellationToken cancellationToken)
    {
        var results = AutoencoderTraining.Run(settings.RunOptions().ToList(), settings.Runs, settings.Models, settings.NoExport, settings.Force,
            settings.Location, CommandLine.Echo(),
            starting: settings.Json ? null : o => ConsoleLine.Out($"Training [bold]{AutoencoderNets.Name(o.Kind, o.Hidden)}[/]"),
            onStep: settings.Json ? null : PrintEvery50);
        if (settings.Json)
        {
            Json.Print(results.Select(r => new { r.Record.Name, r.Folder, r.Record.TrainMse, r.Record.TestMse, r.Record.TrainSeconds, r.Record.WallSeconds, r.Export }));
            return 0;
        }
        foreach (var r in results)
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Record.Name)} in {Markup.Escape(r.Folder)}: train MSE {r.Record.TrainMse:F5}, test MSE {r.Record.TestMse:F5}, {r.Record.WallSeconds:F0} s");
            if (r.Export is not null) TrainingReport.PrintExport(r.Export);
        }
        return 0;
    }

    private static void PrintEvery50(StepLoss step)
    {
        if (step.Step == 1 || step.Step % 50 == 0)
            Console.WriteLine($"  step {step.Step,4}  MSE {step.Loss:F5}  {step.Seconds,7:F1} s");
    }
}
