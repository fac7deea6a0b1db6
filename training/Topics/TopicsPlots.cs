using ScottPlot;
using Toolkit.Datasets;
using Toolkit.Datasets.Io;

namespace Toolkit.Training.Topics;

/// <summary>The PNG curves of a topic-model run.</summary>
public static class TopicsPlots
{
    public static void Npmi(IReadOnlyList<EpochRecord> epochs, string path)
    {
        var plot = new Plot();
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        plot.Add.Scatter(x, epochs.Select(e => e.MeanNpmi).ToArray()).LegendText = "mean NPMI, reference corpus";
        if (epochs.Any(e => e.SelectionNpmi != e.MeanNpmi))
            plot.Add.Scatter(x, epochs.Select(e => e.SelectionNpmi).ToArray()).LegendText = "mean NPMI, train split (selection)";
        Finish(plot, "NPMI per epoch", "mean NPMI (top 10 words)", path);
    }

    public static void Loss(IReadOnlyList<EpochRecord> epochs, string path)
    {
        var plot = new Plot();
        double[] x = epochs.Select(e => (double)e.Epoch).ToArray();
        plot.Add.Scatter(x, epochs.Select(e => e.Loss).ToArray()).LegendText = "loss (reconstruction + alpha KL)";
        plot.Add.Scatter(x, epochs.Select(e => e.Reconstruction).ToArray()).LegendText = "reconstruction";
        Finish(plot, "Training loss per document", "nats per document", path);
    }

    private static void Finish(Plot plot, string title, string yLabel, string path)
    {
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteVia(path, temporary => plot.SavePng(temporary, 800, 500));
    }
}
