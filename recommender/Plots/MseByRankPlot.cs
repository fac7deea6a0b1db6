using ScottPlot;
using Toolkit.Datasets;
using Toolkit.Recommender.Comparison;

namespace Toolkit.Recommender.Plots;

/// <summary>Train and test MSE of one model against the rank d, as a PNG.</summary>
public static class MseByRankPlot
{
    public static void Write(string path, string title, IReadOnlyList<FitResult> fits)
    {
        var ordered = fits.Where(f => f.Rank is not null).OrderBy(f => f.Rank).ToList();
        double[] ranks = ordered.Select(f => (double)f.Rank!.Value).ToArray();
        var plot = new Plot();
        var train = plot.Add.Scatter(ranks, ordered.Select(f => f.TrainMse).ToArray());
        train.LegendText = "train MSE";
        var test = plot.Add.Scatter(ranks, ordered.Select(f => f.TestMse).ToArray());
        test.LegendText = "test MSE";
        plot.Title(title);
        plot.XLabel("rank d");
        plot.YLabel("mean squared error");
        plot.ShowLegend();
        plot.Legend.Alignment = Alignment.MiddleRight;
        AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, 800, 500));
    }
}
