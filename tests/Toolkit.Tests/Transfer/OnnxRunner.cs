using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Toolkit.Tests.Transfer;

/// <summary>Runs a one-input, one-output ONNX model (a file or an in-memory ModelProto) on the CPU.</summary>
public static class OnnxRunner
{
    public static float[] Run(string path, float[] input, long[] shape)
    {
        using var session = new InferenceSession(path);
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [session.InputNames[0]], [value], [session.OutputNames[0]]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public static float[] Run(Onnx.ModelProto model, string folder, float[] input, long[] shape)
    {
        string path = Path.Combine(folder, $"model-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return Run(path, input, shape);
    }

    public static float[] Random(int count, int seed, float low = 0, float high = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => low + (high - low) * random.NextSingle()).ToArray();
    }

    public static void AssertClose(float[] expected, float[] actual, float tolerance)
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        float worst = expected.Zip(actual, (e, a) => Math.Abs(e - a) / Math.Max(1, Math.Abs(e))).Max();
        Xunit.Assert.True(worst <= tolerance, $"largest relative difference {worst} exceeds {tolerance}");
    }
}
