using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Toolkit.Export.Import;
using Toolkit.Training.Transfer;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Toolkit.Tests.Transfer;

/// <summary>The pretrained ResNet18 imported into TorchVision's ResNet gives ONNX Runtime's 512-d features.</summary>
public sealed class PretrainedResNetImportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-3;

    [PretrainedResNetFact]
    public void ImportedFeaturesMatchOnnxRuntimeOnTheOriginalGraph()
    {
        string path = PretrainedResNetFiles.RequireModel();
        var graph = new ResNetOnnxGraph(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));
        output.WriteLine($"stages [{string.Join(", ", graph.StageBlocks())}]");

        manual_seed(3);
        using var resnet = PretrainedResNetImporter.Create(graph, classes: 10, reverseInputChannels: true);
        resnet.eval();
        // The graph's own input: BGR pixels in [0, 255] minus the mean image, roughly ±128.
        using var bgr = (rand(1, 3, 224, 224) * 255 - 120).contiguous();

        float[] expected;
        using (var session = new InferenceSession(path))
        {
            string inputName = session.InputMetadata.Keys.Single();
            var input = new DenseTensor<float>(bgr.data<float>().ToArray(), [1, 3, 224, 224]);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
            expected = results.Single().AsTensor<float>().ToArray();
        }

        float[] actual;
        using (no_grad())
        using (var rgb = bgr.flip(1))
        using (var features = ResNetBuilder.Features(resnet, rgb))
        {
            Assert.Equal([1L, 512], features.shape);
            actual = features.data<float>().ToArray();
        }

        double maxDifference = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"512-d features: max |ONNX Runtime - TorchSharp| = {maxDifference:G3}, largest feature {expected.Max():G3}");
        Assert.True(maxDifference <= Tolerance, $"max abs difference {maxDifference:G3} > {Tolerance}");
    }

    [PretrainedResNetFact]
    public void PreprocessingIsBgrMeanSubtractionOnPixelsIn0To255()
    {
        var (mean, std) = Toolkit.Export.Transfer.ResNetPreprocessing.Read(PretrainedResNetFiles.FindPreprocess()!).RgbUnitMeanStd();

        Assert.Equal(123.15, mean[0] * 255, 1);
        Assert.Equal(115.90, mean[1] * 255, 1);
        Assert.Equal(103.06, mean[2] * 255, 1);
        Assert.All(std, s => Assert.Equal(1 / 255f, s));
    }
}
