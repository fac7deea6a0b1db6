using Microsoft.ML.OnnxRuntime;

namespace Toolkit.Inference.Sessions;

/// <summary>
/// ONNX Runtime CPU session settings that change speed, not results: graph optimisation level, intra-op threads
/// (0 = ONNX Runtime's choice, which ran one thread's speed on a 2-core AMD EPYC machine), whether idle intra-op
/// threads spin, and memory-pattern planning.
/// </summary>
public sealed record CpuSessionOptions
{
    /// <summary>
    /// Runs per input shape before a session is timed: ONNX Runtime records a shape's allocations on its first run
    /// and allocates the planned memory on the second, and both are slow (lenet's gradient graph, batch 256: 972 and
    /// 807 ms, then 198 ms per run).
    /// </summary>
    public const int WarmUpRuns = 2;

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
