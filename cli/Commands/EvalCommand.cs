using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Outputs;

namespace Toolkit.Cli.Commands;

public sealed class EvalCommand : Command<EvalCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Data set to evaluate on (reconstruction models report their MSE): cifar10-test, cifar10-val, cifar10-train, mnist-test, mnist-train. Default: cifar10-test.")]
        [DefaultValue("cifar10-test")]
        public string Dataset { get; init; } = "cifar10-test";

        [CommandOption("--batch <N>")]
        [Description("Images per ONNX Runtime call. Default: 256.")]
        [DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--limit <N>")]
        [Description("Evaluate only the first N images.")]
        public int? Limit { get; init; }

        [CommandOption("--heatmap <PNG>")]
        [Description("Write the confusion matrix as a PNG heatmap here.")]
        public string? Heatmap { get; init; }

        [CommandOption("--force")]
        [Description("Replace the --heatmap file if it exists.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            OptionRules.Check(
                OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
                OptionRules.Range("--limit", Limit, 1, int.MaxValue),
                OptionRules.PngPath("--heatmap", Heatmap)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Heatmap is { } heatmap)
        {
            OutputGuard.Extension(heatmap, ".png", "--heatmap");
            OutputGuard.NotAnInput(heatmap, [settings.Model], "--heatmap");
            OutputGuard.MayReplace(heatmap, settings.Force);
        }
        using var model = settings.OpenModel();
        var set = EvaluationSets.Load(settings.Dataset, settings.Location);
        if (settings.Limit is int limit) set = set.Take(limit);
        if (model.Info.Task == Toolkit.Inference.ModelInfo.Reconstruction) return ReconstructionEval.Run(model, set, settings.Batch, settings.Json);
        ClassifierEvaluator.CheckCompatible(model.Info, set, model.Path);

        var report = settings.Json
            ? ClassifierEvaluator.Evaluate(model, set, settings.Batch)
            : Progress.Run($"evaluating on {set.Name}", set.Count, p => ClassifierEvaluator.Evaluate(model, set, settings.Batch, p));
        if (settings.Heatmap is not null) ConfusionHeatmap.Save(report, set.ClassNames, settings.Heatmap);

        if (settings.Json) Json.Print(report);
        else Print(report, set.ClassNames, settings.Heatmap);
        return 0;
    }

    private static void Print(EvaluationReport report, IReadOnlyList<string> classes, string? heatmap)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider})");
        AnsiConsole.MarkupLine($"accuracy: [bold]{report.Accuracy:F4}[/]" +
            (report.RecordedAccuracy is double recorded ? $" (model card: {recorded:F4})" : ""));
        foreach (var (subset, accuracy) in report.SubsetAccuracy) AnsiConsole.MarkupLine($"accuracy on {Markup.Escape(subset)}: {accuracy:F4}");
        AnsiConsole.MarkupLine($"throughput: {report.ImagesPerSecond:N0} images/s ({report.Seconds:F2} s)");

        var perClass = new Table().AddColumns("class", "precision", "recall", "support");
        foreach (var c in report.PerClass) perClass.AddRow(Markup.Escape(c.Name), c.Precision.ToString("F3"), c.Recall.ToString("F3"), c.Support.ToString());
        AnsiConsole.Write(perClass);

        var matrix = new Table().Title("confusion matrix (rows: true, columns: predicted)").AddColumn("");
        foreach (var name in classes) matrix.AddColumn(new TableColumn(Markup.Escape(name[..Math.Min(5, name.Length)])).RightAligned());
        for (int a = 0; a < classes.Count; a++)
            matrix.AddRow([Markup.Escape(classes[a]), .. report.ConfusionMatrix[a].Select(v => v.ToString())]);
        AnsiConsole.Write(matrix);
        if (heatmap is not null) AnsiConsole.MarkupLine($"heatmap: {Markup.Escape(heatmap)}");
    }
}
