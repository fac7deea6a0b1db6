using Microsoft.ML.OnnxRuntime;
using Toolkit.Format;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// A classifier's input-gradient graph (NAME.grad.onnx, see docs/MODEL_FORMAT.md) opened in ONNX Runtime:
/// pixels and labels in; logits, per-example loss and d loss / d input out. Run is thread-safe.
/// </summary>
public sealed class GradientModel : ModelSession
{
    private static readonly string[] InputNames = [ModelFormat.Names.Input, ModelFormat.Names.Label];
    private static readonly string[] OutputNames = [ModelFormat.Names.Logits, ModelFormat.Names.Loss, ModelFormat.Names.InputGradient];

    private GradientModel(string path, OpenedSession opened) : base(path, opened)
    {
        var missing = InputNames.Except(Session.InputNames).Concat(OutputNames.Except(Session.OutputNames)).ToList();
        if (missing.Count > 0 || !Info.IsClassifier)
        {
            Dispose();
            throw new InvalidDataException($"{path}: not a classifier's gradient graph (missing {string.Join(", ", missing)})");
        }
    }

    public int Classes => Info.Classes.Count;

    public static GradientModel Open(string path, ExecutionDevice device = ExecutionDevice.Auto) =>
        new(path, SessionFactory.Open(path, device));

    /// <summary>
    /// Opens the gradient graph that belongs to a forward model file, refusing one that was derived from another
    /// version of it (its recorded forward checksum differs).
    /// </summary>
    public static GradientModel OpenFor(string forwardPath, ExecutionDevice device = ExecutionDevice.Auto)
    {
        string path = ModelFormat.GradientGraphPath(forwardPath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no gradient graph for {forwardPath}; write it with '{ModelFormat.GradientGraphCommand(forwardPath)}'", path);
        var model = Open(path, device);
        if (ModelFormat.PairingProblem(forwardPath, File.ReadAllBytes(forwardPath), model.Info.Properties) is { } problem)
        {
            model.Dispose();
            throw new InvalidDataException(problem);
        }
        return model;
    }

    /// <summary>Runs <paramref name="count"/> examples and writes logits, loss and input gradient into <paramref name="result"/>.</summary>
    public void Run(float[] input, long[] labels, int count, GradientResult result)
    {
        int size = Info.InputSize;
        if (input.Length < count * size || labels.Length < count || result.Capacity < count)
            throw new ArgumentException($"buffers too small for {count} examples");

        long[] shape = [count, .. Info.InputShape.Skip(1).Select(d => (long)d)];
        var memory = OrtMemoryInfo.DefaultInstance;
        using var inputValue = OrtValue.CreateTensorValueFromMemory(memory, input.AsMemory(0, count * size), shape);
        using var labelValue = OrtValue.CreateTensorValueFromMemory(memory, labels.AsMemory(0, count), [count]);
        using var logits = OrtValue.CreateTensorValueFromMemory(memory, result.Logits.AsMemory(0, count * Classes), [count, Classes]);
        using var loss = OrtValue.CreateTensorValueFromMemory(memory, result.Loss.AsMemory(0, count), [count]);
        using var gradient = OrtValue.CreateTensorValueFromMemory(memory, result.InputGradient.AsMemory(0, count * size), shape);
        using var runOptions = new RunOptions();
        Session.Run(runOptions, InputNames, [inputValue, labelValue], OutputNames, [logits, loss, gradient]);
    }
}

/// <summary>Output buffers for up to <see cref="Capacity"/> examples of a <see cref="GradientModel"/>.</summary>
public sealed class GradientResult(int capacity, int inputSize, int classes)
{
    public int Capacity { get; } = capacity;
    public float[] Logits { get; } = new float[capacity * classes];
    public float[] Loss { get; } = new float[capacity];
    public float[] InputGradient { get; } = new float[capacity * inputSize];

    public static GradientResult For(GradientModel model, int capacity) => new(capacity, model.Info.InputSize, model.Classes);
}
