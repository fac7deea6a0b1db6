using Toolkit.Datasets;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

namespace Toolkit.Pipelines.Mnist;

/// <summary>
/// Every MNIST reconstruction model of a folder, measured through ONNX Runtime on the train and test sets, and one
/// reconstruction grid per family (rows: the first training image of each digit; columns: the original, then one per size).
/// </summary>
public static class ReconstructionComparison
{
    public static (IReadOnlyList<ReconstructionRow> Rows, IReadOnlyList<string> Grids) Run(string models, string gridFolder, DataLocation location)
    {
        var entries = ReconstructionSuite.Find(models, "mnist");
        if (entries.Count == 0) throw new InvalidOperationException($"no MNIST reconstruction models in {models}");
        var train = EvaluationSets.Load("mnist-train", location);
        var test = EvaluationSets.Load("mnist-test", location);
        var rows = entries.Select(e => ReconstructionSuite.Measure(e, train, test)).ToList();
        var grids = entries.GroupBy(e => e.Family).Select(g => SaveGrid(g.ToList(), train, gridFolder)).ToList();
        return (rows, grids);
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
}
