using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Toolkit.Inference.Benchmarks;

/// <summary>
/// The fp32 rate the cores reach here on fused multiply-adds alone: every thread runs twelve independent chains of
/// the widest vector FMA the JIT accelerates (512 or 256 bits), enough chains to keep two FMA units busy through
/// their latency. The listed clock of a virtual machine is often not the clock its cores run at, and cores differ
/// in how many full-width FMAs they issue per cycle, so this is the peak a kernel can be held against.
/// </summary>
public static class FmaPeak
{
    public const int Chains = 12;

    /// <summary>Iterations between clock checks: long enough that reading the clock costs nothing measurable.</summary>
    private const long IterationsPerCheck = 1 << 20;

    /// <summary>Where the loops' sums go, so that the JIT cannot drop the work.</summary>
    private static float _sink;

    /// <summary>fp32 lanes of the vector the loop uses.</summary>
    public static int Lanes => Vector512.IsHardwareAccelerated ? Vector512<float>.Count : Vector256<float>.Count;

    /// <summary>GFLOP/s of <paramref name="threads"/> threads running the loop together for about <paramref name="seconds"/>.</summary>
    public static double MeasureGflops(int threads, double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        RunFor(threads, 0.05);
        var clock = Stopwatch.StartNew();
        long iterations = RunFor(threads, seconds);
        return iterations * FlopsPerIteration / clock.Elapsed.TotalSeconds / 1e9;
    }

    /// <summary>Two operations (a multiply and an add) per lane per chain.</summary>
    public static long FlopsPerIteration => 2L * Chains * Lanes;

    /// <summary>Total iterations of all threads, each stopping at the first clock check past <paramref name="seconds"/>.</summary>
    private static long RunFor(int threads, double seconds)
    {
        long total = 0;
        var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            var clock = Stopwatch.StartNew();
            long done = 0;
            float sum = 0;
            while (done == 0 || clock.Elapsed.TotalSeconds < seconds)
            {
                sum += Run(IterationsPerCheck);
                done += IterationsPerCheck;
            }
            Volatile.Write(ref _sink, sum);
            Interlocked.Add(ref total, done);
        })).ToList();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();
        return total;
    }

    /// <summary>
    /// Runs the chains x ← x·m + c for <paramref name="iterations"/> steps and returns the sum of their lanes, so
    /// the work cannot be dropped. Every chain starts at 1 and converges to c / (1 − m).
    /// </summary>
    public static float Run(long iterations) =>
        Vector512.IsHardwareAccelerated ? Run512(iterations) : Run256(iterations);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Run512(long iterations)
    {
        var m = Vector512.Create(0.999f);
        var c = Vector512.Create(0.001f);
        Vector512<float> x0 = Vector512<float>.One, x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0,
            x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Vector512.FusedMultiplyAdd(x0, m, c);
            x1 = Vector512.FusedMultiplyAdd(x1, m, c);
            x2 = Vector512.FusedMultiplyAdd(x2, m, c);
            x3 = Vector512.FusedMultiplyAdd(x3, m, c);
            x4 = Vector512.FusedMultiplyAdd(x4, m, c);
            x5 = Vector512.FusedMultiplyAdd(x5, m, c);
            x6 = Vector512.FusedMultiplyAdd(x6, m, c);
            x7 = Vector512.FusedMultiplyAdd(x7, m, c);
            x8 = Vector512.FusedMultiplyAdd(x8, m, c);
            x9 = Vector512.FusedMultiplyAdd(x9, m, c);
            x10 = Vector512.FusedMultiplyAdd(x10, m, c);
            x11 = Vector512.FusedMultiplyAdd(x11, m, c);
        }
        return Vector512.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Run256(long iterations)
    {
        var m = Vector256.Create(0.999f);
        var c = Vector256.Create(0.001f);
        Vector256<float> x0 = Vector256<float>.One, x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0,
            x6 = x0, x7 = x0, x8 = x0, x9 = x0, x10 = x0, x11 = x0;
        for (long i = 0; i < iterations; i++)
        {
            x0 = Vector256.FusedMultiplyAdd(x0, m, c);
            x1 = Vector256.FusedMultiplyAdd(x1, m, c);
            x2 = Vector256.FusedMultiplyAdd(x2, m, c);
            x3 = Vector256.FusedMultiplyAdd(x3, m, c);
            x4 = Vector256.FusedMultiplyAdd(x4, m, c);
            x5 = Vector256.FusedMultiplyAdd(x5, m, c);
            x6 = Vector256.FusedMultiplyAdd(x6, m, c);
            x7 = Vector256.FusedMultiplyAdd(x7, m, c);
            x8 = Vector256.FusedMultiplyAdd(x8, m, c);
            x9 = Vector256.FusedMultiplyAdd(x9, m, c);
            x10 = Vector256.FusedMultiplyAdd(x10, m, c);
            x11 = Vector256.FusedMultiplyAdd(x11, m, c);
        }
        return Vector256.Sum(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10 + x11);
    }
}
