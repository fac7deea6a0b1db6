using ScottPlot;
using Toolkit.Datasets;
using Toolkit.Recommender.Benchmarks;
using Toolkit.Recommender.Comparison;

namespace Toolkit.Recommender.Plots;

/// <summary>ALS seconds per sweep (one line per row solver) and memory against the number of ratings, as two PNGs.</summary>
public static class AlsScalingPlot
{
    public static void WriteTime(string path, IReadOnlyList<AlsScalingPoint> points)
    {
        var plot = new Plot();
        foreach (var solver in points.GroupBy(p => p.Solver))
        {
            var line = plot.Add.Scatter(solver.Select(p => p.Ratings / 1e6).ToArray(), solver.Select(p => p.MedianSweepSeconds).ToArray());
            line.LegendText = $"{solver.Key}, d = {solver.First().Rank}";
        }
        plot.Title("ALS on power-law synthetic ratings: time per sweep");
        plot.XLabel("ratings (millions)");
        plot.YLabel("median seconds per sweep");
        plot.ShowLegend();
        plot.Legend.Alignment = Alignment.UpperLeft;
        AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, 800, 500));
    }

    public static void WriteMemory(string path, IReadOnlyList<AlsScalingPoint> points)
    {
        var sizes = points.GroupBy(p => p.Ratings).Select(g => g.First()).ToList();
        double[] millions = sizes.Select(p => p.Ratings / 1e6).ToArray();
        var plot = new Plot();
        var matrix = plot.Add.Scatter(millions, sizes.Select(p => p.MatrixBytes / 1048576.0).ToArray());
        matrix.LegendText = "rating rows (both sides)";
        var factors = plot.Add.Scatter(millions, sizes.Select(p => p.FactorBytes / 1048576.0).ToArray());
        factors.LegendText = $"factors, d = {sizes[0].Rank}";
        var peak = plot.Add.Scatter(millions, points.GroupBy(p => p.Ratings).Select(g => g.Max(p => p.PeakWorkingSetBytes) / 1048576.0).ToArray());
        peak.LegendText = "process peak working set";
        plot.Title("ALS on power-law synthetic ratings: memory");
        plot.XLabel("ratings (millions)");
        plot.YLabel("MiB");
        plot.ShowLegend();
        plot.Legend.Alignment = Alignment.UpperLeft;
        AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, 800, 500));
    }
}
