using Spectre.Console;
using Toolkit.Inference.Attacks;

namespace Toolkit.Cli.Commands;

/// <summary>Readable output of the attack command.</summary>
public static class AttackTables
{
    public static void Print(AttackReport report, IReadOnlyList<string> files)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider}), target: {Markup.Escape(report.Target)}");
        AnsiConsole.MarkupLine($"clean accuracy: [bold]{report.CleanAccuracy:F4}[/]; clean pass {report.EvalImagesPerSecond:N0} images/s");

        var table = new Table().AddColumns("method", "eps", "accuracy", "success rate", "mean L-inf", "mean L2", "attack images/s");
        foreach (var curve in report.Methods)
            foreach (var p in curve.Points)
                table.AddRow(curve.Method, p.Eps.ToString("0.####"), p.Accuracy.ToString("F4"), p.SuccessRate.ToString("F4"),
                    p.MeanLinf.ToString("F4"), p.MeanL2.ToString("F3"), p.AttackImagesPerSecond.ToString("N0"));
        AnsiConsole.Write(table);

        foreach (var curve in report.Methods)
            AnsiConsole.MarkupLine($"{curve.Method}: {curve.AttackImagesPerSecond:N0} images/s attacked, plain evaluation of the same batches " +
                $"{curve.EvalImagesPerSecond:N0} images/s: [bold]{curve.ThroughputVsEval:F2}[/] x");
        foreach (var example in report.Examples)
            AnsiConsole.MarkupLine($"example #{example.Index}: {Markup.Escape(example.Truth)} predicted {Markup.Escape(example.Before)} → {Markup.Escape(example.After)} at eps {report.ExampleEps:0.###}");
        foreach (string file in files) AnsiConsole.MarkupLine($"wrote {Markup.Escape(file)}");
    }

    public static void PrintImage(SingleImageResult result, string method, float eps, string output)
    {
        var before = result.Before.Top[0];
        var after = result.After.Top[0];
        AnsiConsole.MarkupLine($"before: [bold]{Markup.Escape(before.Class)}[/] ({before.Probability:P1})");
        AnsiConsole.MarkupLine($"after {method} at eps {eps:0.###}: [bold]{Markup.Escape(after.Class)}[/] ({after.Probability:P1}), L-inf {result.Linf:F4}");
        AnsiConsole.MarkupLine($"wrote {Markup.Escape(output)}");
    }
}
