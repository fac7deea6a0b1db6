using System.Diagnostics;

namespace Toolkit.Inference.Evaluation;

public sealed record ClassMetrics(string Name, double Precision, double Recall, int Support);

public sealed record EvaluationReport(
    string Model,
    string Dataset,
    string Provider,
    int Images,
    double Accuracy,
    IReadOnlyDictionary<string, double> SubsetAccuracy,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] ConfusionMatrix,
    double Seconds,
    double ImagesPerSecond,
    double? RecordedAccuracy);

/// <summary>Runs a classifier over an evaluation set in batches and measures it.</summary>
public static class ClassifierEvaluator
{
    public static void CheckCompatible(ModelInfo info, EvaluationSet set, string modelPath)
    {
        if (!info.IsClassifier)
            throw new InvalidOperationException($"{modelPath}: a {info.Task} model, not a classifier; use a reconstruction data set");
        set.CheckTakes(info, modelPath);
        if (info.Classes.Count != set.ClassNames.Count)
            throw new InvalidOperationException(
                $"{modelPath} predicts {info.Classes.Count} classes, but {set.Name} has {set.ClassNames.Count}");
    }

    public static EvaluationReport Evaluate(OnnxModel model, EvaluationSet set, int batchSize = 256, IProgress<int>? progress = null)
    {
        CheckCompatible(model.Info, set, model.Path);
        var clock = Stopwatch.StartNew();
        var predictions = Predict(model, set, batchSize, progress);
        clock.Stop();
        return Report(model, set, predictions, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The predicted class of every image of the set, in batches.</summary>
    public static int[] Predict(OnnxModel model, EvaluationSet set, int batchSize = 256, IProgress<int>? progress = null)
    {
        var predictions = new int[set.Count];
        var input = new float[batchSize * set.ValuesPerExample];
        var logits = new float[batchSize * model.OutputSize];
        for (int start = 0; start < set.Count; start += batchSize)
        {
            int count = Math.Min(batchSize, set.Count - start);
            set.CopyBatch(start, count, input);
            PredictBatch(model, input, count, logits, predictions.AsSpan(start, count));
            progress?.Report(start + count);
        }
        return predictions;
    }

    /// <summary>Classifies <paramref name="count"/> examples of <paramref name="input"/>; <paramref name="logits"/> is scratch space.</summary>
    public static void PredictBatch(OnnxModel model, float[] input, int count, float[] logits, Span<int> predictions)
    {
        model.Run(input, count, logits);
        for (int i = 0; i < count; i++)
            predictions[i] = ArgMax(logits.AsSpan(i * model.OutputSize, model.OutputSize));
    }

    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static EvaluationReport Report(OnnxModel model, EvaluationSet set, int[] predictions, double seconds)
    {
        var matrix = new ConfusionMatrix(set.ClassNames.Count);
        for (int i = 0; i < set.Count; i++) matrix.Add(set.Labels[i], predictions[i]);

        var subsets = set.Subsets.ToDictionary(s => s.Key, s => SubsetAccuracy(set, predictions, s.Value));
        var perClass = set.ClassNames
            .Select((name, c) => new ClassMetrics(name, matrix.Precision(c), matrix.Recall(c), matrix.ToRows()[c].Sum()))
            .ToList();
        string metricName = set.Name.EndsWith("-test") ? "test_accuracy" : set.Name.EndsWith("-val") ? "val_accuracy" : "train_accuracy";

        return new EvaluationReport(System.IO.Path.GetFileName(model.Path), set.Name, model.Provider, set.Count,
            matrix.Accuracy, subsets, perClass, matrix.ToRows(), seconds, set.Count / seconds, model.Info.Metric(metricName));
    }

    private static double SubsetAccuracy(EvaluationSet set, int[] predictions, Range range)
    {
        var (offset, length) = range.GetOffsetAndLength(set.Count);
        int correct = 0;
        for (int i = offset; i < offset + length; i++) if (predictions[i] == set.Labels[i]) correct++;
        return length == 0 ? 0 : correct / (double)length;
    }
}
