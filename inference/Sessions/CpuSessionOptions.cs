using Microsoft.ML.OnnxRuntime;

namespace Toolkit.Inference.Sessions;

/// <summary>
/// ONNX Runtime CPU session settings that change speed, not results: graph optimisation level, intra-op threads
/// (0 = ONNX Runtime's choice, one per core), whether idle intra-op threads spin, and memory-pattern planning.
/// </summary>
public sealed record CpuSessionOptions
{
    public int IntraOpThreads { get; init; }
    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;
    public bool AllowSpinning { get; init; } = true;
    public bool MemoryPattern { get; init; } = true;

    public InferenceSession Open(string modelPath)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"{modelPath}: model file not found", modelPath);
        using var options = ToSessionOptions();
        return new InferenceSession(modelPath, options);
    }

    /// <summary>The settings as ONNX Runtime session options; the caller disposes them.</summary>
    public SessionOptions ToSessionOptions()
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = OptimizationLevel,
            IntraOpNumThreads = IntraOpThreads,
            EnableMemoryPattern = MemoryPattern,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", AllowSpinning ? "1" : "0");
        return options;
    }
}
