using ScottPlot;
using Toolkit.Datasets;

namespace Toolkit.Training.Mnist;

/// <summary>The training MSE per step, on a log scale, as PNG.</summary>
public static class LossCurve
{
    public static void SavePng(string path, string title, IReadOnlyList<StepLoss> steps, int width = 900, int height = 550)
    {
        var plot = new Plot();
        double[] xs = steps.Select(s => (double)s.Step).ToArray();
        double[] ys = steps.Select(s => Math.Log10(s.Loss)).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("log10 MSE");
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
