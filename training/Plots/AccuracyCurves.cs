using ScottPlot;
using Toolkit.Datasets;

namespace Toolkit.Training.Plots;

/// <summary>Accuracy per epoch: train solid, validation dashed, one colour per run.</summary>
public static class AccuracyCurves
{
    public sealed record Series(string Label, IReadOnlyList<EpochMetrics> Epochs);

    public static void SavePng(string path, string title, IReadOnlyList<Series> runs, int width = 1000, int height = 650)
    {
        var plot = new Plot();
        var palette = runs.Count <= 10 ? (IPalette)new ScottPlot.Palettes.Category10() : new ScottPlot.Palettes.Category20();
        for (int i = 0; i < runs.Count; i++)
        {
            var color = palette.GetColor(i);
            var epochs = runs[i].Epochs;
            double[] xs = epochs.Select(e => (double)e.Epoch).ToArray();
            AddLine(plot, xs, epochs.Select(e => e.TrainAccuracy).ToArray(), color, LinePattern.Solid, $"{runs[i].Label} train");
            AddLine(plot, xs, epochs.Select(e => e.ValidationAccuracy).ToArray(), color, LinePattern.Dashed, $"{runs[i].Label} val");
        }
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    private static void AddLine(Plot plot, double[] xs, double[] ys, Color color, LinePattern pattern, string label)
    {
        var line = plot.Add.Scatter(xs, ys, color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.MarkerSize = 4;
        line.LegendText = label;
    }
}
