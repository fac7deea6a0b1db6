using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference.Benchmarks;

/// <summary>The kernel time of one operator type in a profiled graph (after ONNX Runtime's fusions and layout changes).</summary>
public sealed record OperatorTime(string OpType, int Nodes, double MillisecondsPerRun, double Share);

/// <summary>Where one graph spends its time: kernel time per operator type and the whole run, per run.</summary>
public sealed record GraphProfile(string Model, int Batch, int Threads, int Runs, double MillisecondsPerRun, IReadOnlyList<OperatorTime> Operators);

/// <summary>
/// Runs a graph with ONNX Runtime's profiler on seeded random inputs (float inputs uniform in [0, 1), integer inputs
/// 0, so class 0 for a gradient graph's label) and sums the per-node kernel times of the trace by operator type.
/// The warm-up runs (<see cref="CpuSessionOptions.WarmUpRuns"/>) are left out. Works for any graph whose inputs have at most one dynamic dimension,
/// the batch: classifiers, reconstruction models and gradient graphs alike.
/// </summary>
public static class OperatorProfile
{
    public static GraphProfile Run(string modelPath, int batch, int threads, int runs)
    {
        string folder = Directory.CreateTempSubdirectory("toolkit-profile-").FullName;
        try
        {
            using var options = (new CpuSessionOptions { IntraOpThreads = threads }).ToSessionOptions();
            // The prefix must be set first: enabling profiling reads it at that moment.
            options.ProfileOutputPathPrefix = Path.Combine(folder, "trace");
            options.EnableProfiling = true;
            using var session = new InferenceSession(modelPath, options);
            var inputs = session.InputMetadata.Select(p => RandomInput(p.Key, p.Value, batch)).ToList();
            for (int run = 0; run < CpuSessionOptions.WarmUpRuns + runs; run++)
                using (session.Run(inputs)) { }
            string trace = session.EndProfiling();
            return Summarize(Path.GetFileName(modelPath), batch, threads, File.ReadAllText(trace));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Sums a trace's node events ("*_kernel_time", category "Node") by their op_name, skipping those of the warm-up
    /// "model_run"s; the run time is the mean of the remaining "model_run" events.
    /// </summary>
    public static GraphProfile Summarize(string model, int batch, int threads, string traceJson)
    {
        using var document = JsonDocument.Parse(traceJson);
        var events = document.RootElement.EnumerateArray().Select(e => (
            Category: e.GetProperty("cat").GetString() ?? "",
            Name: e.GetProperty("name").GetString() ?? "",
            Start: e.GetProperty("ts").GetInt64(),
            Microseconds: e.GetProperty("dur").GetInt64(),
            OpType: e.TryGetProperty("args", out var args) && args.TryGetProperty("op_name", out var op) ? op.GetString() : null)).ToList();
        var modelRuns = events.Where(e => e.Name == "model_run").OrderBy(e => e.Start).ToList();
        int warmUp = CpuSessionOptions.WarmUpRuns;
        if (modelRuns.Count <= warmUp) throw new InvalidDataException($"{model}: the profile has {modelRuns.Count} model runs, expected more than {warmUp}");
        long warmUpEnd = modelRuns[warmUp - 1].Start + modelRuns[warmUp - 1].Microseconds;
        int timedRuns = modelRuns.Count - warmUp;
        var kernels = events.Where(e => e.Category == "Node" && e.Name.EndsWith("_kernel_time", StringComparison.Ordinal) && e.OpType is not null && e.Start >= warmUpEnd).ToList();
        double kernelTotal = kernels.Sum(k => (double)k.Microseconds);
        var operators = kernels.GroupBy(k => k.OpType!)
            .Select(g => new OperatorTime(g.Key, g.Select(k => k.Name).Distinct().Count(), g.Sum(k => k.Microseconds) / 1e3 / timedRuns, g.Sum(k => k.Microseconds) / kernelTotal))
            .OrderByDescending(o => o.MillisecondsPerRun)
            .ToList();
        double runMilliseconds = modelRuns.Skip(warmUp).Average(r => r.Microseconds) / 1e3;
        return new GraphProfile(model, batch, threads, timedRuns, runMilliseconds, operators);
    }

    private static NamedOnnxValue RandomInput(string name, NodeMetadata metadata, int batch)
    {
        int[] shape = metadata.Dimensions.Select(d => d < 0 ? batch : d).ToArray();
        switch (metadata.ElementDataType)
        {
            case TensorElementType.Float:
                var random = new Random(1);
                var pixels = new DenseTensor<float>(shape);
                for (int i = 0; i < pixels.Length; i++) pixels.Buffer.Span[i] = random.NextSingle();
                return NamedOnnxValue.CreateFromTensor(name, pixels);
            case TensorElementType.Int64:
                return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(shape));
            default:
                throw new NotSupportedException($"input '{name}' of type {metadata.ElementDataType}: the profiler feeds float and int64 inputs only");
        }
    }
}
