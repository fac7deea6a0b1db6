using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference.Transfer;

/// <summary>
/// Runs a feature graph (input <c>input</c> [N, C, H, W] pixels in [0, 1], output <c>features</c> [N, D]) through
/// ONNX Runtime in batches.
/// </summary>
public sealed class FeatureExtractor : IDisposable
{
    private readonly InferenceSession _session;
    private readonly long[] _imageShape;

    public FeatureExtractor(string graphPath, ExecutionDevice device = ExecutionDevice.Auto)
    {
        var opened = SessionFactory.Open(graphPath, device);
        _session = opened.Session;
        Provider = opened.Provider;
        FallbackNotice = opened.FallbackNotice;
        var input = _session.InputMetadata["input"].Dimensions;
        _imageShape = input.Skip(1).Select(d => (long)d).ToArray();
        Dimension = _session.OutputMetadata["features"].Dimensions[1];
    }

    public string Provider { get; }
    public string? FallbackNotice { get; }
    public int Dimension { get; }
    public int ImageSize => (int)_imageShape.Aggregate(1L, (a, b) => a * b);

    /// <summary>Features of <paramref name="count"/> images laid out back to back in <paramref name="pixels"/>.</summary>
    public float[] Run(float[] pixels, int count, int batchSize)
    {
        if (pixels.Length < (long)count * ImageSize) throw new ArgumentException($"{pixels.Length} values do not hold {count} images");
        var features = new float[(long)count * Dimension];
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            long[] shape = [n, .. _imageShape];
            using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                pixels.AsMemory(start * ImageSize, n * ImageSize), shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, ["input"], [value], ["features"]);
            results[0].GetTensorDataAsSpan<float>()[..(n * Dimension)].CopyTo(features.AsSpan(start * Dimension));
        }
        return features;
    }

    public void Dispose() => _session.Dispose();
}
