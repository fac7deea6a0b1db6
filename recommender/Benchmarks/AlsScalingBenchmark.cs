using System.Diagnostics;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Synthetic;

namespace Toolkit.Recommender.Benchmarks;

/// <summary>
/// ALS on one synthetic size with one row solver: the wall seconds of each sweep's row updates and their median,
/// the bytes of the compressed rating rows and of the factors, and the process's peak working set so far.
/// </summary>
public sealed record AlsScalingPoint(
    long Ratings, int Users, int Movies, string Solver, int Rank, double GenerateSeconds,
    IReadOnlyList<double> SweepSeconds, double MedianSweepSeconds, long MatrixBytes, long FactorBytes, long PeakWorkingSetBytes);

/// <summary>
/// How ALS time and memory grow with the data: for each size, a MovieLens-like power-law rating set
/// (<see cref="PowerLawRatingsOptions.LikeMovieLens"/>) is generated, then each row solver runs a few sweeps from a
/// random start (the zero-filled SVD start would dominate at these sizes). One size is in memory at a time.
/// </summary>
public static class AlsScalingBenchmark
{
    public static IReadOnlyList<AlsScalingPoint> Run(
        IReadOnlyList<long> sizes, int rank, int sweeps, IReadOnlyList<AlsRowSolver> solvers, AlsOptions options,
        IProgress<string>? progress = null)
    {
        var points = new List<AlsScalingPoint>();
        foreach (long size in sizes)
        {
            var shape = PowerLawRatingsOptions.LikeMovieLens(size);
            progress?.Report($"generating {size:N0} ratings: {shape.Users:N0} users, {shape.Movies:N0} movies");
            var clock = Stopwatch.StartNew();
            var matrix = PowerLawRatings.Generate(shape);
            double generateSeconds = clock.Elapsed.TotalSeconds;
            foreach (var solver in solvers)
            {
                var fitOptions = options with
                {
                    RowSolver = solver,
                    Initialisation = AlsInitialisation.Random,
                    MaxIterations = sweeps,
                    Tolerance = 0,
                };
                var result = AlsSolver.Fit(matrix, rank, fitOptions);
                var ordered = result.SweepSeconds.Order().ToList();
                double median = ordered.Count % 2 == 1 ? ordered[ordered.Count / 2] : (ordered[ordered.Count / 2 - 1] + ordered[ordered.Count / 2]) / 2;
                long factorBytes = sizeof(double) * (long)rank * (shape.Users + shape.Movies);
                var point = new AlsScalingPoint(size, shape.Users, shape.Movies, AlsRowSolverNames.Name(solver), rank, generateSeconds,
                    result.SweepSeconds, median, matrix.CompressedBytes, factorBytes, Process.GetCurrentProcess().PeakWorkingSet64);
                progress?.Report($"{size:N0} ratings, {point.Solver} d={rank}: median sweep {median:F2} s");
                points.Add(point);
            }
            matrix = null;
            GC.Collect();
        }
        return points;
    }
}
