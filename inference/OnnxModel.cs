using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference;

/// <summary>
/// A toolkit model file opened for inference: its metadata and one reusable session. Run is thread-safe
/// (ONNX Runtime sessions may be shared between threads).
/// </summary>
public sealed class OnnxModel : ModelSession
{
    private readonly string _inputName;
    private readonly string _outputName;

    private OnnxModel(string path, OpenedSession opened) : base(path, opened)
    {
        if (Session.InputNames.Count != 1)
        {
            Dispose();
            throw new InvalidDataException($"{path}: a graph with inputs {string.Join(", ", Session.InputNames)} (a gradient graph, for 'toolkit attack'); "
                + "this command takes the forward model, NAME.onnx, with the one input 'input'");
        }
        _inputName = Session.InputNames[0];
        _outputName = Session.OutputNames[0];
        OutputSize = Info.IsClassifier ? Info.Classes.Count : Info.InputSize;
    }

    /// <summary>Values per example in the output: class count, or input size for a reconstruction.</summary>
    public int OutputSize { get; }

    public static OnnxModel Open(string path, ExecutionDevice device = ExecutionDevice.Auto) =>
        new(path, SessionFactory.Open(path, device));

    /// <summary>Opens a model held in memory; <paramref name="name"/> stands for its path in messages.</summary>
    public static OnnxModel Open(byte[] model, string name, ExecutionDevice device = ExecutionDevice.Auto) =>
        new(name, SessionFactory.Open(model, device));

    /// <summary>
    /// Runs <paramref name="count"/> examples laid out one after another in <paramref name="input"/>
    /// ([0, 1] pixels in the model's input layout) and writes the outputs into <paramref name="output"/>.
    /// </summary>
    public void Run(float[] input, int count, Span<float> output)
    {
        int inputLength = count * Info.InputSize;
        if (input.Length < inputLength) throw new ArgumentException($"input holds {input.Length} values, {count} examples need {inputLength}");
        if (output.Length < count * OutputSize) throw new ArgumentException("output buffer too small");

        long[] shape = [count, .. Info.InputShape.Skip(1).Select(d => (long)d)];
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input.AsMemory(0, inputLength), shape);
        using var runOptions = new RunOptions();
        using var results = Session.Run(runOptions, [_inputName], [inputValue], [_outputName]);
        results[0].GetTensorDataAsSpan<float>()[..(count * OutputSize)].CopyTo(output);
    }

    /// <summary>Convenience form of <see cref="Run(float[], int, Span{float})"/>.</summary>
    public float[] Run(float[] input, int count)
    {
        var output = new float[count * OutputSize];
        Run(input, count, output);
        return output;
    }
}
