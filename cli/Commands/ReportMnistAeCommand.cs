using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

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
        [CommandOption("--models <DIR>")][Description("Folder of the models (models).")]
        public string Models { get; init; } = "models";
        [CommandOption("--out <DIR>")][Description("Where the grids go (docs/plots).")]
        public string Out { get; init; } = Path.Combine("docs", "plots");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var entries = ReconstructionSuite.Find(settings.Models, "mnist");
        if (entries.Count == 0) throw new InvalidOperationException($"no MNIST reconstruction models in {settings.Models}");
        var train = EvaluationSets.Load("mnist-train", settings.Location);
        var test = EvaluationSets.Load("mnist-test", settings.Location);
        var rows = entries.Select(e => ReconstructionSuite.Measure(e, train, test)).ToList();
        var grids = entries.GroupBy(e => e.Family).Select(g => SaveGrid(g.ToList(), train, settings.Out)).ToList();
        if (settings.Json) Json.Print(new { rows, grids });
        else Print(rows, grids);
        return 0;
    }

    /// <summary>The grid's file name: mnist-ae-grid-linear.png, mnist-ae-grid-relu.png, mnist-pca-grid.png.</summary>
    public static string GridFileName(string family) =>
        family.StartsWith("autoencoder-") ? $"mnist-ae-grid-{family["autoencoder-".Length..]}.png" : $"mnist-{family}-grid.png";

    private static string SaveGrid(IReadOnlyList<ReconstructionSuite.Entry> family, EvaluationSet train, string folder)
    {
        var examples = ReconstructionSuite.FirstOfEachClass(train);
        var columns = family.Select(e => ReconstructionSuite.Reconstruct(e.Path, train, examples)).ToList();
        var rows = examples
            .Select((example, r) => (IReadOnlyList<float[]>)[ReconstructionSuite.Example(train, example), .. columns.Select(c => c[r])])
            .ToList();
        string path = Path.Combine(folder, GridFileName(family[0].Family));
        ReconstructionGrid.Save(rows, 28, path);
        return path;
    }

    private static void Print(IReadOnlyList<ReconstructionRow> rows, IReadOnlyList<string> grids)
    {
        var table = new Table().Title("MSE per pixel through ONNX Runtime").AddColumns("model", "family", "size", "train MSE", "test MSE", "training s");
        foreach (var r in rows)
            table.AddRow(Markup.Escape(r.Model), r.Family, r.Size.ToString(), r.TrainMse.ToString("F5"), r.TestMse.ToString("F5"),
                r.TrainingWallSeconds is double s ? s.ToString("F1") : "-");
        AnsiConsole.Write(table);
        foreach (string grid in grids) AnsiConsole.MarkupLine($"grid: {Markup.Escape(grid)}");
    }
}
