using Microsoft.ML.OnnxRuntime;

namespace Toolkit.Inference.Benchmarks;

/// <summary>
/// A batch of seeded random pixels and an output buffer, pre-allocated and bound as OrtValues to a session's first
/// input and output, so timing loops measure the session call and nothing else.
/// </summary>
public sealed class RandomBatch : IDisposable
{
    public RandomBatch(InferenceSession session, int batch)
    {
        InputName = session.InputNames[0];
        OutputName = session.OutputNames[0];
        InputShape = [batch, .. session.InputMetadata[InputName].Dimensions.Skip(1).Select(d => (long)d)];
        long[] outputShape = [batch, .. session.OutputMetadata[OutputName].Dimensions.Skip(1).Select(d => (long)d)];
        var random = new Random(1);
        Pixels = new float[InputShape.Aggregate(1L, (p, d) => p * d)];
        for (int i = 0; i < Pixels.Length; i++) Pixels[i] = random.NextSingle();
        Logits = new float[outputShape.Aggregate(1L, (p, d) => p * d)];
        Input = OrtValue.CreateTensorValueFromMemory(Pixels, InputShape);
        Output = OrtValue.CreateTensorValueFromMemory(Logits, outputShape);
    }

    public string InputName { get; }
    public string OutputName { get; }
    public long[] InputShape { get; }
    public float[] Pixels { get; }
    public float[] Logits { get; }
    public OrtValue Input { get; }
    public OrtValue Output { get; }

    /// <summary>One session call into the pre-allocated output.</summary>
    public void RunInPlace(InferenceSession session, RunOptions options) =>
        session.Run(options, [InputName], [Input], [OutputName], [Output]);

    public void Dispose()
    {
        Input.Dispose();
        Output.Dispose();
    }
}
