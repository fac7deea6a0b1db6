using System.Globalization;
using Toolkit.Datasets;
using Toolkit.Pipelines.Outputs;
using Toolkit.Recommender.Benchmarks;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Plots;

namespace Toolkit.Pipelines.Benchmarks;

/// <summary>What the ALS scaling benchmark measured, and the plots and JSON it wrote.</summary>
public sealed record AlsScalingResult(IReadOnlyList<AlsScalingPoint> Points, string TimePlot, string MemoryPlot, string Json);

/// <summary>
/// ALS on synthetic power-law rating sets of growing size, top to bottom: time the sweeps of each size and solver,
/// then write als-scaling-time.png, als-scaling-memory.png and als-scaling.json into the output folder.
/// </summary>
public static class AlsScaling
{
    public const long MinRatings = 100_000;
    public const long MaxRatings = 200_000_000;

    public static AlsScalingResult Run(IReadOnlyList<long> sizes, int rank, int sweeps, IReadOnlyList<AlsRowSolver> solvers, AlsOptions options,
        string folder, IProgress<string> progress)
    {
        var points = AlsScalingBenchmark.Run(sizes, rank, sweeps, solvers, options, progress);
        Directory.CreateDirectory(folder);
        var result = new AlsScalingResult(points, Path.Combine(folder, "als-scaling-time.png"), Path.Combine(folder, "als-scaling-memory.png"),
            Path.Combine(folder, "als-scaling.json"));
        AlsScalingPlot.WriteTime(result.TimePlot, points);
        AlsScalingPlot.WriteMemory(result.MemoryPlot, points);
        AtomicFile.WriteAllText(result.Json, ReportJson.Serialize(points));
        return result;
    }

    /// <summary>A number of ratings such as 1M, 500K or 2000000, from <see cref="MinRatings"/> to <see cref="MaxRatings"/>; null otherwise.</summary>
    public static long? ParseSize(string text)
    {
        long unit = text.EndsWith('M') || text.EndsWith('m') ? 1_000_000 : text.EndsWith('K') || text.EndsWith('k') ? 1_000 : 1;
        string digits = unit == 1 ? text : text[..^1];
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
        long size = (long)Math.Round(value * unit);
        return size is >= MinRatings and <= MaxRatings ? size : null;
    }
}
