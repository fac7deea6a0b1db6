using Toolkit.Pipelines.Transfer;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>Trains a linear head on cached backbone features and records it, weights included, in head.json.</summary>
public sealed class TransferTrainHeadCommand : Command<TransferTrainHeadCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--features <DIR>"), Description("Feature folder written by 'toolkit transfer features'.")]
        public string Features { get; init; } = "";
        [CommandOption("--out <DIR>"), Description("Run folder for head.json. Default: runs/transfer/head-RESOLUTION.")]
        public string? Out { get; init; }
        [CommandOption("--epochs <N>"), Description("Default: 30.")]
        public int Epochs { get; init; } = 30;
        [CommandOption("--lr <RATE>"), Description("Adam learning rate. Default: 1e-3.")]
        public double LearningRate { get; init; } = 1e-3;
        [CommandOption("--batch <N>"), Description("Default: 512.")]
        public int Batch { get; init; } = 512;
        [CommandOption("--val-fraction <F>"), Description("Share of the training features held out for validation. Default: 0.1.")]
        public double ValidationFraction { get; init; } = 0.1;
        [CommandOption("--seed <N>"), Description("Default: 1.")]
        public int Seed { get; init; } = 1;
        [CommandOption("--extra-train <DIR>"), Description("A feature folder of the same images, backbone, resolution and train subset (e.g. made with --train-jpeg-quality) whose training features join the fitted data row for row; its test features are not used.")]
        public string? ExtraTrain { get; init; }
        [CommandOption("--partial"), Description("Train on the finished leading chunks of the training features (an extraction still running or cut short); the test features must be complete.")]
        public bool Partial { get; init; }
        [CommandOption("--device <DEVICE>"), Description("cpu, cuda or auto. Default: auto.")]
        public string Device { get; init; } = "auto";
        [CommandOption("--force"), Description("Replace an existing head.json in the run folder.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(
                Features.Length == 0 ? "--features DIR is required" : null,
                Directory.Exists(Features) ? null : $"{Features}: feature folder not found",
                ExtraTrain is null || Directory.Exists(ExtraTrain) ? null : $"{ExtraTrain}: feature folder not found",
                OptionRules.Range("--epochs", Epochs, 1, OptionRules.MaxCount),
                OptionRules.Positive("--lr", LearningRate),
                OptionRules.Range("--batch", Batch, 1, int.MaxValue),
                ValidationFraction is >= 0 and < 1 ? null : $"--val-fraction {ValidationFraction}: expected 0 up to (not including) 1") ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new HeadOptions(settings.Epochs, settings.LearningRate, settings.Batch, settings.ValidationFraction, settings.Seed);
        var request = new HeadRequest(settings.Features, settings.ExtraTrain, settings.Partial, options, settings.Device, settings.Out, settings.Force);
        var (record, path) = HeadTraining.Run(request, CommandLine.Echo(), ProgressBar.Unless(settings.Json));

        if (settings.Json)
            Json.Print(new { head = path, record.TrainAccuracy, record.ValidationAccuracy, record.TestAccuracy, record.TestAccuracyLosslessFirst1000, record.TestCount, record.WallSeconds });
        else
        {
            Tables.Print(new[] { record }, ["train images", "train", "validation", $"test ({record.TestCount:N0})", "test lossless (first 1,000)", "wall time"],
                r => [r.TrainCount.ToString("N0"), r.TrainAccuracy.ToString("F4"), r.ValidationAccuracy.ToString("F4"), r.TestAccuracy.ToString("F4"),
                    r.TestAccuracyLosslessFirst1000?.ToString("F4") ?? "-", $"{r.WallSeconds:F1} s"], $"linear head on {record.Resolution}px ResNet18 features");
            AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/]; export with 'toolkit transfer export {Markup.Escape(Path.GetDirectoryName(path) ?? ".")}'");
        }
        return 0;
    }
}
