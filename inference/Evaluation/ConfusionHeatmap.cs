using ScottPlot;
using Toolkit.Datasets;

namespace Toolkit.Inference.Evaluation;

/// <summary>Draws a confusion matrix as a PNG heatmap: true class down, predicted class across, counts in cells.</summary>
public static class ConfusionHeatmap
{
    public static void Save(EvaluationReport report, IReadOnlyList<string> classNames, string path)
    {
        int n = classNames.Count;
        var counts = new double[n, n];
        for (int a = 0; a < n; a++)
            for (int p = 0; p < n; p++)
                counts[a, p] = report.ConfusionMatrix[a][p];

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(counts);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new CoordinateRect(-0.5, n - 0.5, n - 0.5, -0.5);
        plot.Add.ColorBar(heatmap);
        AddCellLabels(plot, report.ConfusionMatrix, counts);

        double[] positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(positions, classNames.ToArray());
        plot.Axes.Left.SetTicks(positions, classNames.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.SetLimits(-0.5, n - 0.5, n - 0.5, -0.5);
        plot.XLabel("predicted");
        plot.YLabel("true");
        plot.Title($"{report.Model} on {report.Dataset}: accuracy {report.Accuracy:P2}");

        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(900, 800, ImageFormat.Png));
    }

    private static void AddCellLabels(Plot plot, int[][] matrix, double[,] counts)
    {
        double max = counts.Cast<double>().Max();
        for (int a = 0; a < matrix.Length; a++)
            for (int p = 0; p < matrix.Length; p++)
            {
                var text = plot.Add.Text(matrix[a][p].ToString(), p, a);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 11;
                text.LabelFontColor = counts[a, p] > max / 2 ? Colors.Black : Colors.White;
            }
    }
}
