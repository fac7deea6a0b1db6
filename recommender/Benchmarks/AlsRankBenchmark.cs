using System.Diagnostics;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Models.Svd;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;

namespace Toolkit.Recommender.Benchmarks;

/// <summary>One ALS fit of the rank benchmark: the best wall and processor seconds over the rounds, and the fit's errors.</summary>
public sealed record AlsRankFit(string Solver, int Rank, double WallSeconds, double CpuSeconds, int Sweeps, double TrainMse, double TestMse);

/// <summary>Both row solvers over the ranks, with per-solver totals and the ratio of exact to cg wall time.</summary>
public sealed record AlsRankReport(
    string Split, int Rounds, int Threads, int ConjugateGradientSteps, IReadOnlyList<AlsRankFit> Fits,
    IReadOnlyDictionary<string, double> TotalWallSeconds, IReadOnlyDictionary<string, double> TotalCpuSeconds,
    double ExactOverCgWall, double LargestTestMseDifference);

/// <summary>
/// Fits ALS at every rank with the conjugate-gradient and the exact row solver, side by side: each round runs all
/// ranks with cg, then all ranks with exact, so both see the same machine load. The shared SVD start is computed
/// before the clock starts (it is not part of either solver).
/// </summary>
public static class AlsRankBenchmark
{
    public static AlsRankReport Run(RatingSplit split, IReadOnlyList<int> ranks, AlsOptions options, int rounds, IProgress<string>? progress = null)
    {
        var train = new RatingMatrix(split.Train);
        if (options.Initialisation == AlsInitialisation.Svd) ZeroFilledSvd.Of(train, ranks.Max());
        AlsRowSolver[] solvers = [AlsRowSolver.ConjugateGradient, AlsRowSolver.Exact];
        var best = new Dictionary<(AlsRowSolver, int), AlsRankFit>();
        for (int round = 1; round <= rounds; round++)
            foreach (var solver in solvers)
                foreach (int rank in ranks)
                {
                    var fit = FitOnce(train, split, rank, options with { RowSolver = solver });
                    progress?.Report($"round {round}: {fit.Solver} d={rank} {fit.WallSeconds:F3} s, {fit.Sweeps} sweeps, test MSE {fit.TestMse:F5}");
                    if (!best.TryGetValue((solver, rank), out var previous) || fit.WallSeconds < previous.WallSeconds)
                        best[(solver, rank)] = fit;
                }
        var fits = solvers.SelectMany(s => ranks.Select(d => best[(s, d)])).ToList();
        var wall = fits.GroupBy(f => f.Solver).ToDictionary(g => g.Key, g => g.Sum(f => f.WallSeconds));
        var cpu = fits.GroupBy(f => f.Solver).ToDictionary(g => g.Key, g => g.Sum(f => f.CpuSeconds));
        double largest = ranks.Max(d => Math.Abs(best[(AlsRowSolver.ConjugateGradient, d)].TestMse - best[(AlsRowSolver.Exact, d)].TestMse));
        return new AlsRankReport(split.Name, rounds, options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            options.ConjugateGradientSteps, fits, wall, cpu, wall["exact"] / wall["cg"], largest);
    }

    private static AlsRankFit FitOnce(RatingMatrix train, RatingSplit split, int rank, AlsOptions options)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = AlsSolver.Fit(train, rank, options);
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new AlsRankFit(AlsRowSolverNames.Name(options.RowSolver), rank, wall, cpu, result.Iterations,
            ErrorMetrics.Of(result.Model, split.Train).Mse, ErrorMetrics.Of(result.Model, split.Test).Mse);
    }
}
