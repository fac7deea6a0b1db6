using Toolkit.Datasets.Mnist;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Mnist;

public sealed class ReconstructionEvaluatorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>A graph that halves its input: Linear(784, 784) with weight I / 2 and no bias.</summary>
    private string HalvingModel()
    {
        using var linear = nn.Linear(784, 784, hasBias: false);
        using (no_grad()) linear.weight!.copy_(eye(784) * 0.5f);
        using var model = nn.Sequential(("half", linear));
        return MnistModels.Write(model, _folder.File("half.onnx"));
    }

    /// <summary>Three images, each one grey value: 255 (label 1), 0 (label 0), 102 (label 1).</summary>
    private static EvaluationSet Set()
    {
        byte[] values = [255, 0, 102];
        var pixels = new byte[values.Length * 784];
        for (int i = 0; i < values.Length; i++) pixels.AsSpan(i * 784, 784).Fill(values[i]);
        return new EvaluationSet("mnist-test", "mnist", pixels, [1, 0, 1], 784, MnistImages.ClassNames, new Dictionary<string, Range>());
    }

    [Fact]
    public void ReportsTheMeanSquaredErrorOverAllPixelsAndPerClass()
    {
        using var model = OnnxModel.Open(HalvingModel(), ExecutionDevice.Cpu);
        var report = ReconstructionEvaluator.Evaluate(model, Set(), batchSize: 2);

        // The error of a pixel p is (p / 2)²: 0.25 for white, 0 for black, 0.04 for 102/255 = 0.4.
        Assert.Equal(3, report.Images);
        Assert.Equal((0.25 + 0 + 0.04) / 3, report.Mse, 6);
        Assert.Equal(0.0, report.MsePerClass["0"], 6);
        Assert.Equal((0.25 + 0.04) / 2, report.MsePerClass["1"], 6);
        Assert.Equal(0.5, report.RecordedMse);
        Assert.False(report.MsePerClass.ContainsKey("2"));
    }

    [Fact]
    public void RefusesClassifiersAndOtherSizes()
    {
        using var model = OnnxModel.Open(HalvingModel(), ExecutionDevice.Cpu);
        var cifar = new EvaluationSet("cifar10-test", "cifar10", new byte[3072], [0], 3072, ["a"], new Dictionary<string, Range>());
        Assert.Throws<InvalidOperationException>(() => ReconstructionEvaluator.Evaluate(model, cifar));
    }

    [Fact]
    public void GridHasATileForTheOriginalAndEachReconstruction()
    {
        var tile = Enumerable.Repeat(0.5f, 784).ToArray();
        var rows = Enumerable.Range(0, 10).Select(_ => (IReadOnlyList<float[]>)[tile, tile, tile, tile]).ToList();
        string path = _folder.File("grid.png");
        ReconstructionGrid.Save(rows, 28, path);

        using var image = ImageDecoder.Decode(path);
        int step = 28 * ReconstructionGrid.Scale + ReconstructionGrid.Gap;
        Assert.Equal(ReconstructionGrid.Gap + 4 * step, image.Width);
        Assert.Equal(ReconstructionGrid.Gap + 10 * step, image.Height);
    }

    public void Dispose() => _folder.Dispose();
}
