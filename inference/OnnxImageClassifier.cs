using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Datasets.Cifar;

namespace Toolkit.Inference;

/// <summary>An exported image classifier run through ONNX Runtime on the CPU: [0, 1] pixels in, logits out.</summary>
public sealed class OnnxImageClassifier : IDisposable
{
    private readonly InferenceSession session;

    public OnnxImageClassifier(byte[] model) => session = new InferenceSession(model);
    public OnnxImageClassifier(string path) => session = new InferenceSession(path);

    /// <summary>Logits [count, classes] for <paramref name="count"/> images of the given per-image shape.</summary>
    public float[] Logits(float[] pixels, int count, int[] imageShape)
    {
        var input = new DenseTensor<float>(pixels, [count, .. imageShape]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        return results.First(r => r.Name == "logits").AsEnumerable<float>().ToArray();
    }

    /// <summary>Share of CIFAR-10 images [start, start + count) whose arg-max logit is the label.</summary>
    public double Accuracy(CifarImages images, int start, int count, int batchSize = 500)
    {
        int correct = 0;
        int[] shape = [CifarImages.Channels, CifarImages.Height, CifarImages.Width];
        for (int from = start; from < start + count; from += batchSize)
        {
            int n = Math.Min(batchSize, start + count - from);
            var pixels = new float[n * CifarImages.PixelsPerImage];
            var bytes = images.Pixels.AsSpan(from * CifarImages.PixelsPerImage, pixels.Length);
            for (int i = 0; i < pixels.Length; i++) pixels[i] = bytes[i] / 255f;
            var logits = Logits(pixels, n, shape);
            int classes = logits.Length / n;
            for (int i = 0; i < n; i++)
                if (ArgMax(logits.AsSpan(i * classes, classes)) == images.Labels[from + i]) correct++;
        }
        return (double)correct / count;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    public void Dispose() => session.Dispose();
}
