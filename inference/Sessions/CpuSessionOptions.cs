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

    /// <summary>
    /// Evaluation, attacks and export measurement: idle threads do not spin (measured side by side on a 2-core machine
    /// shared with other jobs, `bench session-options`: lenet 1.09-1.44x faster without spinning at batch 32-1024),
    /// and the thread count is named, one per processor (left at 0, ONNX Runtime's own choice, lenet ran at one
    /// thread's speed on a 2-core AMD EPYC machine: batch 256, 2,569 images/s against 5,137 with 2 threads).
    /// </summary>
    public static CpuSessionOptions BatchWork { get; } = new() { AllowSpinning = false, IntraOpThreads = Environment.ProcessorCount };

    /// <summary>
    /// A server answering one small request after another spins: its image path ran 0.96x (8 connections) and 0.90x
    /// (64) of the previous release without spinning, 0.98x and 1.02x with (docs/BENCHMARKS.md, "Served sessions spin
    /// again"); its thread count stays ONNX Runtime's choice, the setting those serving runs measured.
    /// </summary>
    public static CpuSessionOptions Serving { get; } = new() { AllowSpinning = true };

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
