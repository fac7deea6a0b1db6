using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Export;
using Toolkit.Format;
using Toolkit.Training.Mnist;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Mnist;

/// <summary>The exported F1, F2 and PCA graphs give the TorchSharp module's reconstruction on the same random batch.</summary>
public sealed class ReconstructionParityTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string model in new[] { "linear", "relu", "pca" })
            foreach (int batch in new[] { 1, 7 })
                cases.Add(model, batch);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnnxRuntimeMatchesTorchSharp(string kind, int batch)
    {
        manual_seed(7);
        using var model = Create(kind);
        model.eval();
        using var input = rand(batch, 784);

        float[] expected;
        using (no_grad())
        using (var output = model.forward(input))
            expected = output.data<float>().ToArray();

        using var session = new InferenceSession(MnistModels.Build(model).ToByteArray());
        var onnxInput = new DenseTensor<float>(input.data<float>().ToArray(), [batch, 784]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphBuilder.InputName, onnxInput)]);
        var actual = results.Single(r => r.Name == ModelFormat.Names.Reconstruction).AsTensor<float>();

        Assert.Equal([batch, 784], actual.Dimensions.ToArray());
        double maxDifference = expected.Zip(actual.ToArray(), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference <= Tolerance, $"{kind} batch {batch}: max abs difference {maxDifference:G3} > {Tolerance}");
    }

    [Fact]
    public void GraphIsNamedAndDescribedAsAReconstruction()
    {
        using var model = AutoencoderNets.Build(AutoencoderKind.Relu, 16);
        var proto = MnistModels.Build(model);

        Assert.Equal("input", Assert.Single(proto.Graph.Input).Name);
        var output = Assert.Single(proto.Graph.Output);
        Assert.Equal("reconstruction", output.Name);
        Assert.Equal("batch", output.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(784, output.Type.TensorType.Shape.Dim[1].DimValue);
        Assert.Equal(["Gemm", "Relu", "Gemm", "Relu"], proto.Graph.Node.Select(n => n.OpType));
        var metadata = proto.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("reconstruction", metadata[ModelFormat.Keys.Task]);
        Assert.Equal("mnist", metadata[ModelFormat.Keys.Dataset]);
        Assert.Equal("NF", metadata[ModelFormat.Keys.InputLayout]);
        Assert.Equal("[-1,784]", metadata[ModelFormat.Keys.InputShape]);
    }

    /// <summary>A PCA of random data whose graph is checked against <see cref="Pca.Reconstruct"/> as well.</summary>
    [Fact]
    public void PcaGraphMatchesItsDirectReconstruction()
    {
        manual_seed(3);
        using var data = rand(200, 784);
        var pca = Pca.Fit(data, 12);
        using var model = pca.ToSequential();
        using var batch = data.narrow(0, 0, 5);
        using (no_grad())
        using (var direct = pca.Reconstruct(batch))
        using (var walked = model.forward(batch))
            Assert.True((direct - walked).abs().max().item<float>() <= 1e-5f);
    }

    private static Sequential Create(string kind) => kind switch
    {
        "linear" => AutoencoderNets.Build(AutoencoderKind.Linear, 32),
        "relu" => AutoencoderNets.Build(AutoencoderKind.Relu, 32),
        _ => PcaOf(rand(300, 784), 20),
    };

    private static Sequential PcaOf(TorchSharp.torch.Tensor data, int k)
    {
        using (data) return Pca.Fit(data, k).ToSequential();
    }
}
