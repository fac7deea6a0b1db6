using SkiaSharp;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class EvaluationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly OnnxModel _model;

    public EvaluationTests() => _model = OnnxModel.Open(ColourModel.Write(_folder.Path), ExecutionDevice.Cpu);

    /// <summary>Solid images: 4 red, 3 green, 3 blue; the last blue one is labelled green.</summary>
    private static EvaluationSet ColourSet()
    {
        byte[] labels = [0, 0, 0, 0, 1, 1, 1, 2, 2, 1];
        byte[][] colours = [[250, 0, 0], [0, 250, 0], [0, 0, 250]];
        int[] actualColour = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
        var pixels = new byte[labels.Length * 3072];
        for (int i = 0; i < labels.Length; i++)
            for (int c = 0; c < 3; c++)
                pixels.AsSpan(i * 3072 + c * 1024, 1024).Fill(colours[actualColour[i]][c]);
        return new EvaluationSet("colours-test", "colours", pixels, labels, 3072, ColourModel.Classes,
            new Dictionary<string, Range> { ["first 4"] = 0..4 });
    }

    [Fact]
    public void ReportsAccuracyPerClassMetricsAndConfusion()
    {
        var report = ClassifierEvaluator.Evaluate(_model, ColourSet(), batchSize: 3);

        Assert.Equal(10, report.Images);
        Assert.Equal(0.9, report.Accuracy, 10);
        Assert.Equal(1.0, report.SubsetAccuracy["first 4"]);
        Assert.Equal([0, 3, 1], report.ConfusionMatrix[1]);
        var green = report.PerClass[1];
        Assert.Equal(0.75, green.Recall, 10);
        Assert.Equal(1.0, green.Precision, 10);
        Assert.Equal(2.0 / 3, report.PerClass[2].Precision, 10);
        Assert.Equal(1.0, report.RecordedAccuracy);
        Assert.True(report.ImagesPerSecond > 0);
    }

    [Fact]
    public void ConfusionHeatmapIsAReadablePng()
    {
        var report = ClassifierEvaluator.Evaluate(_model, ColourSet());
        string path = _folder.File("confusion.png");
        ConfusionHeatmap.Save(report, ColourModel.Classes, path);

        using var image = ImageDecoder.Decode(path);
        Assert.Equal(900, image.Width);
        Assert.Equal(800, image.Height);
    }

    [Fact]
    public void ModelAndDataSetThatDoNotFitAreRefused()
    {
        var cifarLike = ColourSet() with { Family = "cifar10", Name = "cifar10-test" };
        var wrongFamily = Assert.Throws<InvalidOperationException>(() => ClassifierEvaluator.CheckCompatible(_model.Info, cifarLike, _model.Path));
        Assert.Contains("trained on colours, not cifar10", wrongFamily.Message);

        var mnistLike = new EvaluationSet("mnist-test", "colours", new byte[784], [0], 784, ColourModel.Classes, new Dictionary<string, Range>());
        var wrongSize = Assert.Throws<InvalidOperationException>(() => ClassifierEvaluator.CheckCompatible(_model.Info, mnistLike, _model.Path));
        Assert.Contains("takes 3072 values per example", wrongSize.Message);
    }

    [Fact]
    public void EvalCommandRefusesAModelTrainedOnAnotherDataSet()
    {
        string cifar = Directory.CreateDirectory(_folder.File("data/cifar-10/cifar-10-batches-bin")).FullName;
        var record = new byte[3073];
        File.WriteAllBytes(Path.Combine(cifar, "test_batch.bin"), record);

        var result = ToolkitProcess.Run("eval", _model.Path, "--dataset", "cifar10-test", "--data", _folder.File("data"), "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.True(result.StandardError.Contains("trained on colours, not cifar10"), result.StandardError);
    }

    public void Dispose()
    {
        _model.Dispose();
        _folder.Dispose();
    }
}
