using Toolkit.Pipelines.Transfer;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Writes the self-contained classifier: pixels [N, 3, 32, 32] in [0, 1] → Resize → preprocessing → ResNet18 →
/// Gemm head → logits, with the toolkit's metadata and model card. The features up to the head are the same
/// graph 'transfer features' ran, so the head's accuracy on the cached test features is the file's accuracy.
/// </summary>
public sealed class TransferExportCommand : Command<TransferExportCommand.Settings>
{
    public sealed class Settings : BackboneSettings
    {
        [CommandArgument(0, "<HEAD>"), Description("Run folder holding head.json (written by 'toolkit transfer train-head'), or such a file itself, e.g. models/cifar10-resnet18-224.head.json.")]
        public string Head { get; init; } = "";

        public string HeadFile => File.Exists(Head) ? Head : Path.Combine(Head, HeadRecord.FileName);

        [CommandOption("--out <FILE>"), Description("ONNX file to write; the card goes beside it as .json. Default: models/cifar10-resnet18-RESOLUTION.onnx (git-ignored: about 64 MB).")]
        public string? Out { get; init; }
        [CommandOption("--force"), Description("Replace an existing model or card.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            File.Exists(HeadFile)
                ? ValidationResult.Success()
                : ValidationResult.Error($"{Head}: no {HeadRecord.FileName} (run 'toolkit transfer train-head' first)");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var export = FrozenExport.Export(settings.HeadFile, settings.BackbonePath, settings.PreprocessPath, settings.Out, settings.Force, settings.Location);
        return Json.PrintOr(settings.Json, export,
            () => TrainingReport.PrintExport(export, settings.Head, "metrics (test: the head on the cached test features, the same graph)"));
    }
}
