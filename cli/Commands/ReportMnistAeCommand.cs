using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary>
/// <c>toolkit report mnist-ae</c>: every MNIST reconstruction model of a folder measured through ONNX Runtime on
/// the train and test sets, and one reconstruction grid per family (rows: the first training image of each digit;
/// columns: the original, then one per size).
/// </summary>
public sealed class ReportMnistAeCommand : Command<ReportMnistAeCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--models <DIR>"), Description("Folder of the models (models).")]
        public string Models { get; init; } = "models";
        [CommandOption("--out <DIR>"), Description("Where the grids go (docs/plots).")]
        public string Out { get; init; } = Path.Combine("docs", "plots");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (rows, grids) = ReconstructionComparison.Run(settings.Models, settings.Out, settings.Location);
        return Json.PrintOr(settings.Json, new { rows, grids }, () => Print(rows, grids));
    }

    private static void Print(IReadOnlyList<ReconstructionRow> rows, IReadOnlyList<string> grids)
    {
        Tables.Print(rows, ["model", "family", "size", "train MSE", "test MSE", "training s"],
            r => [Markup.Escape(r.Model), r.Family, r.Size.ToString(), r.TrainMse.ToString("F5"), r.TestMse.ToString("F5"), r.TrainingWallSeconds is double s ? s.ToString("F1") : "-"],
            "MSE per pixel through ONNX Runtime");
        foreach (string grid in grids) AnsiConsole.MarkupLine($"grid: {Markup.Escape(grid)}");
    }
}
