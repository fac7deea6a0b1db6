using ScottPlot;
using Toolkit.Datasets;

namespace Toolkit.Inference.Attacks;

/// <summary>Draws accuracy under attack against eps as a PNG, one line per method, with the clean accuracy dashed.</summary>
public static class AttackCurve
{
    public static void Save(AttackReport report, string path)
    {
        var plot = new Plot();
        foreach (var curve in report.Methods)
        {
            var line = plot.Add.Scatter(curve.Points.Select(p => p.Eps).ToArray(), curve.Points.Select(p => p.Accuracy).ToArray());
            line.LegendText = curve.Method;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        var clean = plot.Add.HorizontalLine(report.CleanAccuracy);
        clean.LinePattern = LinePattern.Dashed;
        clean.LegendText = $"clean {report.CleanAccuracy:F3}";
        clean.Color = Colors.Gray;

        plot.Axes.SetLimitsY(0, 1);
        plot.XLabel("eps (L-infinity, [0, 1] pixel units)");
        plot.YLabel("accuracy under attack");
        plot.Title($"{report.Model} on {report.Dataset} ({report.Images:N0} images), target: {report.Target}");
        plot.ShowLegend(Alignment.UpperRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(900, 560, ImageFormat.Png));
    }
}
