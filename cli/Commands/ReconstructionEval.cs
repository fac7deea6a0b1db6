using Spectre.Console;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;

namespace Toolkit.Cli.Commands;

/// <summary>The reconstruction branch of <c>toolkit eval</c>: MSE over all pixels, overall and per class.</summary>
public static class ReconstructionEval
{
    public static int Run(OnnxModel model, EvaluationSet set, int batch, bool json)
    {
        ReconstructionEvaluator.CheckCompatible(model.Info, set, model.Path);
        var report = json
            ? ReconstructionEvaluator.Evaluate(model, set, batch)
            : Progress.Run($"reconstructing {set.Name}", set.Count, p => ReconstructionEvaluator.Evaluate(model, set, batch, p));
        if (json) Json.Print(report);
        else Print(report);
        return 0;
    }

    private static void Print(ReconstructionReport report)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider})");
        AnsiConsole.MarkupLine($"reconstruction MSE (mean over all pixels): [bold]{report.Mse:F5}[/]" +
            (report.RecordedMse is double recorded ? $" (model card: {recorded:F5})" : ""));
        AnsiConsole.MarkupLine($"throughput: {report.ImagesPerSecond:N0} images/s ({report.Seconds:F2} s)");
        var table = new Table().AddColumns("class", "MSE");
        foreach (var (name, mse) in report.MsePerClass) table.AddRow(Markup.Escape(name), mse.ToString("F5"));
        AnsiConsole.Write(table);
    }
}
