using Toolkit.Datasets;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;
using Toolkit.Pipelines.Mnist;
using Toolkit.Tests.Datasets.Fixtures;
using Toolkit.Training.Mnist;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>
/// The MNIST workflows end to end on a few steps: an autoencoder and a PCA fit are trained, exported (model and card,
/// no gradient graph) and their cards' test MSE is what eval measures through ONNX Runtime.
/// </summary>
[Collection(SerialTorchCollection.Name)]
public sealed class MnistPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DataLocation _data = DataLocation.Resolve(null);

    [RealDataFact]
    public void AutoencoderTrainsExportsAndEvaluatesToItsCard()
    {
        var options = new AutoencoderOptions { Kind = AutoencoderKind.Relu, Hidden = 8, Steps = 3, BatchSize = 256 };

        var result = AutoencoderTraining.Run([options], _folder.File("runs"), null, noExport: false, force: false, _data, "test").Single();

        var export = result.Export!;
        Assert.Equal(Path.Combine(result.Folder, "mnist-ae-relu-h8.onnx"), export.Onnx);
        Assert.Null(export.GradientGraph);
        AssertCardMatchesEval(export.Onnx, export.Card);
    }

    [RealDataFact]
    public void PcaFitsExportsAndEvaluatesToItsCard()
    {
        var (_, exports) = PcaFitting.Run([4], _folder.File("pca"), _folder.File("models"), noExport: false, force: false, _data, "test");

        var export = exports.Single();
        Assert.Equal(_folder.File(Path.Combine("models", "mnist-pca-k4.onnx")), export.Onnx);
        AssertCardMatchesEval(export.Onnx, export.Card);
    }

    private void AssertCardMatchesEval(string onnx, string card)
    {
        using var model = OnnxModel.Open(onnx, ExecutionDevice.Cpu);
        double measured = ReconstructionEvaluator.Evaluate(model, EvaluationSets.Load("mnist-test", _data)).Mse;
        Assert.Equal(Math.Round(measured, 6), ModelCard.Metric(card, "test_mse"));
    }

    public void Dispose() => _folder.Dispose();
}
