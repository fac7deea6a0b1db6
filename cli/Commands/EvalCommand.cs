using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Evaluation;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit eval</c>: a classifier's accuracy and confusion matrix, or a reconstruction model's MSE, through ONNX Runtime.</summary>
public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--dataset <NAME>"), DefaultValue("cifar10-test")]
        [Description("Data set to evaluate on (reconstruction models report their MSE): cifar10-test, cifar10-val, cifar10-train, mnist-test, mnist-train. Default: cifar10-test.")]
        public string Dataset { get; init; } = "cifar10-test";
        [CommandOption("--batch <N>"), Description("Images per ONNX Runtime call. Default: 256."), DefaultValue(256)]
        public int Batch { get; init; } = 256;
        [CommandOption("--limit <N>"), Description("Evaluate only the first N images.")]
        public int? Limit { get; init; }
        [CommandOption("--heatmap <PNG>"), Description("Write the confusion matrix as a PNG heatmap here.")]
        public string? Heatmap { get; init; }
        [CommandOption("--force"), Description("Replace the --heatmap file if it exists.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() => Validation.Check(Options.Problem()) ?? base.Validate();

        public EvaluationOptions Options => new() { Dataset = Dataset, Batch = Batch, Limit = Limit, Heatmap = Heatmap, Force = Force };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        ModelEvaluation.CheckOutputs(options, settings.Model);
        using var model = settings.OpenModel();
        var outcome = ModelEvaluation.Run(model, options, settings.Location, ProgressBar.Unless(settings.Json));
        if (settings.Json) Json.Print((object?)outcome.Classifier ?? outcome.Reconstruction);
        else if (outcome.Classifier is { } report) Print(report, outcome.ClassNames, options.Heatmap);
        else Print(outcome.Reconstruction!);
        return 0;
    }

    private static void Print(EvaluationReport report, IReadOnlyList<string> classes, string? heatmap)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider})");
        AnsiConsole.MarkupLine($"accuracy: [bold]{report.Accuracy:F4}[/]" + (report.RecordedAccuracy is double recorded ? $" (model card: {recorded:F4})" : ""));
        foreach (var (subset, accuracy) in report.SubsetAccuracy) AnsiConsole.MarkupLine($"accuracy on {Markup.Escape(subset)}: {accuracy:F4}");
        AnsiConsole.MarkupLine($"throughput: {report.ImagesPerSecond:N0} images/s ({report.Seconds:F2} s)");
        Tables.Print(report.PerClass, ["class", "precision", "recall", "support"],
            c => [Markup.Escape(c.Name), c.Precision.ToString("F3"), c.Recall.ToString("F3"), c.Support.ToString()]);

        var matrix = new Table().Title("confusion matrix (rows: true, columns: predicted)").AddColumn("");
        foreach (var name in classes) matrix.AddColumn(new TableColumn(Markup.Escape(name[..Math.Min(5, name.Length)])).RightAligned());
        for (int a = 0; a < classes.Count; a++) matrix.AddRow([Markup.Escape(classes[a]), .. report.ConfusionMatrix[a].Select(v => v.ToString())]);
        AnsiConsole.Write(matrix);
        if (heatmap is not null) AnsiConsole.MarkupLine($"heatmap: {Markup.Escape(heatmap)}");
    }

    private static void Print(ReconstructionReport report)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider})");
        AnsiConsole.MarkupLine($"reconstruction MSE (mean over all pixels): [bold]{report.Mse:F5}[/]" + (report.RecordedMse is double recorded ? $" (model card: {recorded:F5})" : ""));
        AnsiConsole.MarkupLine($"throughput: {report.ImagesPerSecond:N0} images/s ({report.Seconds:F2} s)");
        Tables.Print(report.MsePerClass, ["class", "MSE"], c => [Markup.Escape(c.Key), c.Value.ToString("F5")]);
    }
}
