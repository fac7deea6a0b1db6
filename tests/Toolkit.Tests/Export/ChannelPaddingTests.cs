using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Toolkit.Export;
using Toolkit.Training.Cifar;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Export;

/// <summary>Zero filters up to whole channel blocks: shapes change, the function does not.</summary>
public sealed class ChannelPaddingTests
{
    [Theory]
    [InlineData(CifarArchitecture.Lenet, 2)]
    [InlineData(CifarArchitecture.Conv, 1)]
    public void PaddedGraphGivesTheSameLogits(CifarArchitecture arch, int paddedConvolutions)
    {
        manual_seed(3);
        using var model = CifarNets.Build(CifarNetConfig.Default(arch) with { O1 = 6, O2 = 21, O3 = 12, O4 = 10 });
        var plain = Unpadded(model, arch);
        var padded = plain.Clone();

        Assert.Equal(paddedConvolutions, ChannelPadding.Apply(padded));

        foreach (var conv in padded.Graph.Node.Where(n => n.OpType == "Conv"))
            Assert.Equal(0, Weight(padded, conv).Dims[0] % ChannelPadding.Block);
        var input = RandomImages(5);
        float[] expected = Logits(plain, input), actual = Logits(padded, input);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-5f);
    }

    [Fact]
    public void ConvolutionFeedingBatchNormOrTheOutputIsLeftAlone()
    {
        using var model = CifarNets.Build(CifarNetConfig.Default(CifarArchitecture.Fast) with { O1 = 6, O2 = 10, O3 = 12, O4 = 14 });
        var graph = Unpadded(model, CifarArchitecture.Fast);
        var shapes = graph.Graph.Initializer.Select(t => t.Dims.ToArray()).ToList();

        Assert.Equal(0, ChannelPadding.Apply(graph));

        Assert.Equal(shapes, graph.Graph.Initializer.Select(t => t.Dims.ToArray()).ToList());
    }

    [Fact]
    public void ExportedClassifiersArePadded()
    {
        using var model = CifarNets.Build(CifarNetConfig.Default(CifarArchitecture.Lenet) with { O1 = 6, O2 = 8, O3 = 12, O4 = 10 });
        var graph = OnnxModelExporter.Build(model, TestDescriptions.Cifar("lenet"), CifarNets.Classes);

        Assert.All(graph.Graph.Node.Where(n => n.OpType == "Conv"), conv => Assert.Equal(16, Weight(graph, conv).Dims[0]));
    }

    private static ModelProto Unpadded(nn.Module model, CifarArchitecture arch) =>
        OnnxGraphBuilder.Build(ModuleWalker.Walk(model), [3, 32, 32], CifarNets.Classes, TestDescriptions.Cifar(arch.ToString()).MetadataProps());

    private static TensorProto Weight(ModelProto model, NodeProto conv) => model.Graph.Initializer.Single(t => t.Name == conv.Input[1]);

    private static DenseTensor<float> RandomImages(int batch)
    {
        var random = new Random(5);
        var pixels = new float[batch * 3 * 32 * 32];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = random.NextSingle();
        return new DenseTensor<float>(pixels, [batch, 3, 32, 32]);
    }

    private static float[] Logits(ModelProto model, DenseTensor<float> input)
    {
        using var session = new InferenceSession(model.ToByteArray());
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphBuilder.InputName, input)]);
        return results.Single().AsTensor<float>().ToArray();
    }
}
