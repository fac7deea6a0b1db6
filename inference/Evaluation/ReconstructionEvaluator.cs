using System.Diagnostics;

namespace Toolkit.Inference.Evaluation;

/// <summary>
/// How well a reconstruction model reproduces a set: the mean squared error over all pixels (on [0, 1]
/// pixels), and the same per digit class.
/// </summary>
public sealed record ReconstructionReport(
    string Model,
    string Dataset,
    string Provider,
    int Images,
    double Mse,
    IReadOnlyDictionary<string, double> MsePerClass,
    double Seconds,
    double ImagesPerSecond,
    double? RecordedMse);

/// <summary>Runs a reconstruction model (autoencoder, PCA) over an evaluation set in batches through ONNX Runtime.</summary>
public static class ReconstructionEvaluator
{
    public static void CheckCompatible(ModelInfo info, EvaluationSet set, string modelPath)
    {
        if (info.Task != ModelInfo.Reconstruction)
            throw new InvalidOperationException($"{modelPath}: a {info.Task} model, not a reconstruction model");
        set.CheckTakes(info, modelPath);
    }

    public static ReconstructionReport Evaluate(OnnxModel model, EvaluationSet set, int batchSize = 256, IProgress<int>? progress = null)
    {
        CheckCompatible(model.Info, set, model.Path);
        var clock = Stopwatch.StartNew();
        var perImage = SquaredErrors(model, set, batchSize, progress);
        clock.Stop();
        return Report(model, set, perImage, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The sum of squared pixel errors of every image of the set.</summary>
    public static double[] SquaredErrors(OnnxModel model, EvaluationSet set, int batchSize = 256, IProgress<int>? progress = null)
    {
        int size = set.ValuesPerExample;
        var errors = new double[set.Count];
        var input = new float[batchSize * size];
        var output = new float[batchSize * model.OutputSize];
        for (int start = 0; start < set.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, set.Count - start);
            set.CopyBatch(start, count, input);
            model.Run(input, count, output);
            for (int i = 0; i < count; i++)
                errors[start + i] = SquaredError(input.AsSpan(i * size, size), output.AsSpan(i * size, size));
            progress?.Report(start + count);
        }
        return errors;
    }

    public static double SquaredError(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        double sum = 0;
        for (int j = 0; j < expected.Length; j++)
        {
            double d = actual[j] - expected[j];
            sum += d * d;
        }
        return sum;
    }

    private static ReconstructionReport Report(OnnxModel model, EvaluationSet set, double[] perImage, double seconds)
    {
        int size = set.ValuesPerExample;
        var perClass = set.ClassNames
            .Select((name, c) => (name, images: Enumerable.Range(0, set.Count).Where(i => set.Labels[i] == c).ToArray()))
            .Where(x => x.images.Length > 0)
            .ToDictionary(x => x.name, x => x.images.Sum(i => perImage[i]) / (x.images.Length * (double)size));
        string metricName = set.Name.EndsWith("-test") ? "test_mse" : "train_mse";
        return new ReconstructionReport(Path.GetFileName(model.Path), set.Name, model.Provider, set.Count,
            perImage.Sum() / (set.Count * (double)size), perClass, seconds, set.Count / seconds, model.Info.Metric(metricName));
    }
}
