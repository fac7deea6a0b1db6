using Toolkit.Pipelines.Exports;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
using Toolkit.Training.Search;

namespace Toolkit.Cli.Commands;

/// <summary>Tables people read after training: one run's final numbers, a search's trials by validation accuracy.</summary>
public static class TrainingReport
{
    public static void PrintRun(RunRecord<CifarRunSpec> record) =>
        Tables.Print(new[] { record.Final }, ["train", "validation", "test (10,000)", "test lossless (first 1,000)", "wall time"],
            f => [Cell(f?.TrainAccuracy), Cell(f?.ValidationAccuracy), Cell(f?.TestAccuracy), Cell(f?.TestAccuracyLossless1000),
                TimeSpan.FromSeconds(record.WallSeconds).ToString(@"h\:mm\:ss")], "final accuracy");

    /// <summary>One row per epoch with its accuracies and time.</summary>
    public static void PrintEpochs(IReadOnlyList<EpochMetrics> epochs) =>
        Tables.Print(epochs, ["epoch", "lr", "train loss", "train acc", "val loss", "val acc", "seconds"],
            e => [e.Epoch.ToString(), e.LearningRate.ToString("G3"), e.TrainLoss.ToString("F4"), e.TrainAccuracy.ToString("F4"),
                e.ValidationLoss.ToString("F4"), e.ValidationAccuracy.ToString("F4"), e.Seconds.ToString("F0")], "epochs");

    public static void PrintSearch(SearchRecord search, string folder)
    {
        Tables.Print(search.Ranked(), ["trial", "values", "train", "validation", "test", "test lossless 1,000"],
            t => [t.Name, Markup.Escape(t.Label), Cell(t.Final?.TrainAccuracy), Cell(t.Final?.ValidationAccuracy),
                Cell(t.Final?.TestAccuracy), Cell(t.Final?.TestAccuracyLossless1000)],
            $"{search.Kind.ToString().ToLowerInvariant()} search, best validation accuracy first");
        AnsiConsole.MarkupLine($"Plot of every trial: {Markup.Escape(Path.Combine(folder, SearchRecord.PlotFileName))}");
    }

    public static void PrintExport(ExportResult export, string from = "", string metricsTitle = "metrics (test through ONNX Runtime)")
    {
        AnsiConsole.MarkupLine($"Exported [bold]{Markup.Escape(export.Onnx)}[/] and {Markup.Escape(export.Card)} from {Markup.Escape(from.Length > 0 ? from : export.RunFolder)}");
        Tables.Metrics(export.Metrics, metricsTitle);
        AnsiConsole.MarkupLine(export.GradientGraph is { } gradient
            ? $"Gradient graph: {Markup.Escape(gradient)}"
            : $"No gradient graph: {Markup.Escape(export.NoGradientGraph ?? "")}");
    }

    private static string Cell(double? value) => value is double v ? v.ToString("F4") : "-";
}
