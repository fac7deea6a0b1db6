using Toolkit.Inference.Images;

namespace Toolkit.Inference.Prediction;

public sealed record ClassProbability(string Class, int Index, double Probability);

public sealed record Prediction(string Source, IReadOnlyList<ClassProbability> Top);

/// <summary>Top-k classes of images through a classifier, in batches.</summary>
public sealed class Predictor(OnnxModel model, int top)
{
    public OnnxModel Model { get; } = model;

    public IReadOnlyList<Prediction> Predict(IReadOnlyList<(string Source, float[] Input)> images)
    {
        if (!Model.Info.IsClassifier) throw new InvalidOperationException($"{Model.Path} is not a classifier");
        if (images.Count == 0) return [];
        int size = Model.Info.InputSize;
        var batch = new float[images.Count * size];
        for (int i = 0; i < images.Count; i++) images[i].Input.CopyTo(batch, i * size);

        var logits = Model.Run(batch, images.Count);
        return images.Select((image, i) => new Prediction(image.Source, TopK(logits.AsSpan(i * Model.OutputSize, Model.OutputSize)))).ToList();
    }

    public Prediction PredictImage(string source, byte[] bytes)
    {
        using var bitmap = ImageDecoder.Decode(bytes, source);
        return Predict([(source, ImageTensor.ToInput(bitmap, Model.Info))])[0];
    }

    private IReadOnlyList<ClassProbability> TopK(ReadOnlySpan<float> logits) => Rank(logits, Model.Info.Classes, top);

    /// <summary>The <paramref name="top"/> most probable classes of one example's logits, most probable first.</summary>
    public static IReadOnlyList<ClassProbability> Rank(ReadOnlySpan<float> logits, IReadOnlyList<string> classes, int top) =>
        Softmax(logits)
            .Select((p, i) => new ClassProbability(classes[i], i, p))
            .OrderByDescending(c => c.Probability)
            .Take(Math.Max(1, top))
            .ToList();

    public static double[] Softmax(ReadOnlySpan<float> logits)
    {
        float max = float.NegativeInfinity;
        foreach (float v in logits) max = Math.Max(max, v);
        var result = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++) sum += result[i] = Math.Exp(logits[i] - max);
        for (int i = 0; i < result.Length; i++) result[i] /= sum;
        return result;
    }
}
