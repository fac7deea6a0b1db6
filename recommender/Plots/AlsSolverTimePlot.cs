using ScottPlot;
using Toolkit.Datasets;
using Toolkit.Recommender.Comparison;

namespace Toolkit.Recommender.Plots;

/// <summary>Fit seconds of the conjugate-gradient and the exact ALS against the rank d, as a PNG.</summary>
public static class AlsSolverTimePlot
{
    public static void Write(string path, string title, IReadOnlyList<AlsTiming> timings)
    {
        var plot = new Plot();
        foreach (var timing in timings)
        {
            var line = plot.Add.Scatter(
                timing.SecondsPerRank.Keys.Select(d => (double)d).ToArray(), timing.SecondsPerRank.Values.ToArray());
            line.LegendText = $"{timing.Solver}: {timing.TotalSeconds:F2} s over all ranks";
        }
        plot.Title(title);
        plot.XLabel("rank d");
        plot.YLabel("fit wall seconds");
        plot.ShowLegend();
        plot.Legend.Alignment = Alignment.UpperLeft;
        AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, 800, 500));
    }
}
