using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference.Benchmarks;

/// <summary>A way of running a model: session settings, and whether each call reuses pre-allocated tensors.</summary>
public sealed record SessionVariant(string Name, CpuSessionOptions Options, bool ReuseTensors);

/// <summary>One variant at one batch size: the best images/s over the rounds, and the rate and share of the peak it implies.</summary>
public sealed record SessionVariantResult(string Variant, int Batch, double ImagesPerSecond, double Gflops, double PercentOfPeak, double RelativeToFirst);

/// <summary>
/// ONNX Runtime session settings and calling styles of one model, timed side by side: each round times every variant
/// at every batch size once, one after the other, and the best round counts. "New tensors per call" is what a plain
/// <c>InferenceSession.Run</c> with a fresh input OrtValue does (ONNX Runtime allocates the output);
/// "reused tensors" binds one pre-allocated input and output for all calls.
/// </summary>
public static class SessionOptionsBenchmark
{
    public static IReadOnlyList<SessionVariant> StandardVariants(int threads) =>
    [
        new("all optimisations, ONNX Runtime's threads, spinning, memory pattern, new tensors per call", new CpuSessionOptions(), false),
        new("reused tensors", new CpuSessionOptions(), true),
        new($"reused tensors, {threads} intra-op threads", new CpuSessionOptions { IntraOpThreads = threads }, true),
        new("reused tensors, 1 intra-op thread", new CpuSessionOptions { IntraOpThreads = 1 }, true),
        new("reused tensors, no spinning", new CpuSessionOptions { AllowSpinning = false }, true),
        new("no spinning, new tensors per call (what sessions use)", new CpuSessionOptions { AllowSpinning = false }, false),
        new("reused tensors, no memory pattern", new CpuSessionOptions { MemoryPattern = false }, true),
        new("reused tensors, basic optimisations", new CpuSessionOptions { OptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC }, true),
        new("reused tensors, extended optimisations", new CpuSessionOptions { OptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED }, true),
        new("reused tensors, no optimisations", new CpuSessionOptions { OptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL }, true),
    ];

    public static IReadOnlyList<SessionVariantResult> Run(
        string model, IReadOnlyList<SessionVariant> variants, IReadOnlyList<int> batches, int rounds, double minSeconds, double peakGflops,
        IProgress<string>? progress = null)
    {
        double megaflops = GraphFlopCounter.Count(model).MegaflopsPerExample;
        var sessions = variants.Select(v => v.Options.Open(model)).ToList();
        try
        {
            var best = new double[variants.Count, batches.Count];
            for (int round = 1; round <= rounds; round++)
                for (int b = 0; b < batches.Count; b++)
                    for (int v = 0; v < variants.Count; v++)
                    {
                        double rate = Time(sessions[v], batches[b], minSeconds, variants[v].ReuseTensors);
                        progress?.Report($"round {round}, batch {batches[b]}: {variants[v].Name}: {rate:F0} images/s");
                        best[v, b] = Math.Max(best[v, b], rate);
                    }
            var results = new List<SessionVariantResult>();
            for (int b = 0; b < batches.Count; b++)
                for (int v = 0; v < variants.Count; v++)
                {
                    double gflops = best[v, b] * megaflops / 1e3;
                    results.Add(new SessionVariantResult(variants[v].Name, batches[b], best[v, b], gflops, 100 * gflops / peakGflops,
                        best[v, b] / best[0, b]));
                }
            return results;
        }
        finally
        {
            foreach (var session in sessions) session.Dispose();
        }
    }

    /// <summary>Images/s of one session at one batch size: the warm-up calls, then calls until the time has passed (at least three).</summary>
    private static double Time(InferenceSession session, int batch, double minSeconds, bool reuseTensors)
    {
        using var data = new RandomBatch(session, batch);
        using var runOptions = new RunOptions();
        void Call()
        {
            if (reuseTensors)
            {
                data.RunInPlace(session, runOptions);
                return;
            }
            using var fresh = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, data.Pixels.AsMemory(), data.InputShape);
            using var results = session.Run(runOptions, [data.InputName], [fresh], [data.OutputName]);
            results[0].GetTensorDataAsSpan<float>().CopyTo(data.Logits);
        }
        for (int i = 0; i < CpuSessionOptions.WarmUpRuns; i++) Call();
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (calls < 3 || clock.Elapsed.TotalSeconds < minSeconds)
        {
            Call();
            calls++;
        }
        return calls * batch / clock.Elapsed.TotalSeconds;
    }
}
