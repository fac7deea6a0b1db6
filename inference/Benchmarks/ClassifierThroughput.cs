using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference.Sessions;

namespace Toolkit.Inference.Benchmarks;

/// <summary>One model at one batch size and intra-op thread count: images/s and the arithmetic rate it implies.</summary>
public sealed record ThroughputPoint(
    string Model, double MegaflopsPerImage, int Batch, int Threads, int Runs, double Seconds,
    double ImagesPerSecond, double Gflops, double PercentOfPeak);

/// <summary>
/// ONNX Runtime forward passes of classifiers on the CPU, timed per batch size and intra-op thread count, with the
/// graph's FLOPs (<see cref="GraphFlopCounter"/>) turned into GFLOP/s and a share of the machine's peak. Each run feeds
/// the same pre-allocated input and output tensors (seeded uniform pixels: the cost of a dense network does not depend
/// on them), so the figure is the session's own speed. For each model and batch size the thread counts are timed one
/// after the other, so they see the same machine load.
/// </summary>
public static class ClassifierThroughput
{
    public static IReadOnlyList<ThroughputPoint> Run(
        IReadOnlyList<string> models, IReadOnlyList<int> batches, IReadOnlyList<int> threads, double minSeconds, double peakGflops,
        CpuSessionOptions? sessionOptions = null, IProgress<string>? progress = null)
    {
        var points = new List<ThroughputPoint>();
        foreach (string model in models)
        {
            double megaflops = GraphFlopCounter.Count(model).MegaflopsPerExample;
            var sessions = threads.Select(t => (sessionOptions ?? new CpuSessionOptions()) with { IntraOpThreads = t })
                .Select(o => o.Open(model)).ToList();
            try
            {
                foreach (int batch in batches)
                    for (int i = 0; i < threads.Count; i++)
                    {
                        var (runs, seconds) = Time(sessions[i], batch, minSeconds);
                        double imagesPerSecond = runs * batch / seconds;
                        double gflops = imagesPerSecond * megaflops / 1e3;
                        var point = new ThroughputPoint(Path.GetFileName(model), megaflops, batch, threads[i], runs, seconds,
                            imagesPerSecond, gflops, 100 * gflops / peakGflops);
                        progress?.Report($"{point.Model} batch {batch} threads {threads[i]}: {imagesPerSecond:F0} images/s, {gflops:F1} GFLOP/s");
                        points.Add(point);
                    }
            }
            finally
            {
                foreach (var session in sessions) session.Dispose();
            }
        }
        return points;
    }

    /// <summary>The warm-up runs, then runs until <paramref name="minSeconds"/> have passed (at least three).</summary>
    private static (int Runs, double Seconds) Time(InferenceSession session, int batch, double minSeconds)
    {
        using var data = new RandomBatch(session, batch);
        using var runOptions = new RunOptions();
        for (int i = 0; i < CpuSessionOptions.WarmUpRuns; i++) data.RunInPlace(session, runOptions);
        var clock = Stopwatch.StartNew();
        int runs = 0;
        while (runs < 3 || clock.Elapsed.TotalSeconds < minSeconds)
        {
            data.RunInPlace(session, runOptions);
            runs++;
        }
        return (runs, clock.Elapsed.TotalSeconds);
    }
}
