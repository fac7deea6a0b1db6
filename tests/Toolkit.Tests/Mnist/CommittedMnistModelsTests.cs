using Toolkit.Datasets;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Mnist;

/// <summary>
/// The committed MNIST reconstruction models, run through ONNX Runtime on the real test set, give the test MSE their
/// cards record, and the autoencoders at h = 128 are at or below the reference's test MSE (F1 0.0061, F2 0.0066).
/// </summary>
public sealed class CommittedMnistModelsTests
{
    private static readonly string Models = Path.Combine(Repository.Root, "models");

    [RealDataFact]
    public void EachModelReproducesItsCardsTestMse()
    {
        var set = EvaluationSets.Load("mnist-test", DataLocation.Resolve(null));
        var files = Directory.GetFiles(Models, "mnist-*.onnx").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, files.Count); // F1 and F2 at h = 32, 64, 128; PCA at k = 32, 64, 128
        foreach (string file in files)
        {
            using var model = OnnxModel.Open(file, ExecutionDevice.Cpu);
            double measured = ReconstructionEvaluator.Evaluate(model, set).Mse;
            Assert.True(Math.Abs(measured - CardTestMse(file)) < 5e-6, $"{Path.GetFileName(file)}: {measured:F6} vs card {CardTestMse(file):F6}");
        }
    }

    [Theory]
    [InlineData("mnist-ae-linear-h128", 0.0061)]
    [InlineData("mnist-ae-relu-h128", 0.0066)]
    public void AutoencoderAtH128ReachesTheReferenceTestMse(string name, double reference) =>
        Assert.True(CardTestMse(Path.Combine(Models, name + ".onnx")) <= reference);

    private static double CardTestMse(string onnxFile) =>
        ModelCard.Metric(ModelFormat.CardPath(onnxFile), "test_mse") ?? throw new InvalidDataException($"{onnxFile}: no test_mse on its card");
}
