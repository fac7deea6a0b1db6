using Toolkit.Pipelines.Cifar;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit export RUN --out models/NAME.onnx</c>: re-exports a run folder's checkpoint.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<RUN>"), Description("Run folder (or search folder: its best trial).")]
        public string Run { get; init; } = "";
        [CommandOption("--out <FILE>"), Description("The ONNX file to write; the model card and gradient graph go beside it. Default: models/RUN.onnx.")]
        public string? Out { get; init; }
        [CommandOption("--force"), Description("Replace an existing model, card or gradient graph.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = CifarExport.Export(settings.Run, settings.Out, settings.Force, settings.Location);
        return Json.PrintOr(settings.Json, result, () => TrainingReport.PrintExport(result));
    }
}
