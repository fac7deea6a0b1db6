using System.Text.RegularExpressions;

namespace Toolkit.Inference.Evaluation;

/// <summary>One reconstruction model file measured on the train and test sets.</summary>
public sealed record ReconstructionRow(string Model, string Family, int Size, double TrainMse, double TestMse,
    double? TrainingWallSeconds, double EvaluationSeconds);

/// <summary>
/// The reconstruction models of a folder (autoencoders and PCA), grouped by family (their arch: e.g.
/// <c>autoencoder-linear</c>, <c>pca</c>) and ordered by size (the <c>-hN</c> or <c>-kN</c> of their name).
/// </summary>
public static partial class ReconstructionSuite
{
    public sealed record Entry(string Path, string Name, string Family, int Size);

    public static IReadOnlyList<Entry> Find(string folder, string dataset)
    {
        var entries = new List<Entry>();
        foreach (string path in Directory.EnumerateFiles(folder, "*.onnx").Where(p => !p.EndsWith(".grad.onnx")))
        {
            using var model = OnnxModel.Open(path, Sessions.ExecutionDevice.Cpu);
            if (model.Info.Task != ModelInfo.Reconstruction || model.Info.Dataset != dataset) continue;
            string name = System.IO.Path.GetFileNameWithoutExtension(path);
            entries.Add(new Entry(path, name, model.Info.Arch, SizeOf(name)));
        }
        return entries.OrderBy(e => e.Family, StringComparer.Ordinal).ThenBy(e => e.Size).ToList();
    }

    public static ReconstructionRow Measure(Entry entry, EvaluationSet train, EvaluationSet test)
    {
        using var model = OnnxModel.Open(entry.Path, Sessions.ExecutionDevice.Cpu);
        var trainReport = ReconstructionEvaluator.Evaluate(model, train);
        var testReport = ReconstructionEvaluator.Evaluate(model, test);
        return new ReconstructionRow(entry.Name, entry.Family, entry.Size, trainReport.Mse, testReport.Mse,
            model.Info.Metric("training_wall_seconds"), trainReport.Seconds + testReport.Seconds);
    }

    /// <summary>The reconstructions by one model of the given examples of a set, [0, 1] floats per example.</summary>
    public static IReadOnlyList<float[]> Reconstruct(string path, EvaluationSet set, IReadOnlyList<int> examples)
    {
        using var model = OnnxModel.Open(path, Sessions.ExecutionDevice.Cpu);
        return examples.Select(i => model.Run(Example(set, i), 1)).ToList();
    }

    public static float[] Example(EvaluationSet set, int index)
    {
        var pixels = new float[set.ValuesPerExample];
        set.CopyBatch(index, 1, pixels);
        return pixels;
    }

    /// <summary>The index of the first example of each class, in class order.</summary>
    public static IReadOnlyList<int> FirstOfEachClass(EvaluationSet set) =>
        Enumerable.Range(0, set.ClassNames.Count).Select(c => Array.IndexOf(set.Labels, (byte)c)).ToList();

    private static int SizeOf(string name)
    {
        var match = SizeSuffix().Match(name);
        return match.Success ? int.Parse(match.Groups[1].Value) : 0;
    }

    [GeneratedRegex(@"-[hk](\d+)$")]
    private static partial Regex SizeSuffix();
}
