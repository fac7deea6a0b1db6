using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Export;
using Toolkit.Format;
using Toolkit.Training.Cifar;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Export;

/// <summary>Every architecture's exported graph gives the TorchSharp module's logits on the same random batch.</summary>
public sealed class OnnxParityTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<CifarArchitecture, int> Cases()
    {
        var cases = new TheoryData<CifarArchitecture, int>();
        foreach (var arch in Enum.GetValues<CifarArchitecture>())
            foreach (int batch in new[] { 1, 7 })
                cases.Add(arch, batch);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OnnxRuntimeMatchesTorchSharp(CifarArchitecture arch, int batch)
    {
        manual_seed(42);
        using var model = CifarNets.Build(SmallConfig(arch));
        model.eval();
        using var input = rand(batch, 3, 32, 32);

        float[] expected;
        using (no_grad())
        using (var logits = model.forward(input))
            expected = logits.data<float>().ToArray();

        var proto = OnnxModelExporter.Build(model, TestDescriptions.Cifar(arch.ToString()), CifarNets.Classes);
        using var session = new InferenceSession(proto.ToByteArray());
        var onnxInput = new DenseTensor<float>(input.data<float>().ToArray(), [batch, 3, 32, 32]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphBuilder.InputName, onnxInput)]);
        var output = results.Single(r => r.Name == OnnxGraphBuilder.OutputName).AsTensor<float>();

        Assert.Equal([batch, CifarNets.Classes], output.Dimensions.ToArray());
        double maxDifference = expected.Zip(output.ToArray(), (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference <= Tolerance, $"{arch} batch {batch}: max abs difference {maxDifference:G3} > {Tolerance}");
    }

    [Fact]
    public void GraphHasNamedInputWithSymbolicBatchNormalizationFirstAndMetadata()
    {
        using var model = CifarNets.Build(SmallConfig(CifarArchitecture.Conv));
        var proto = OnnxModelExporter.Build(model, TestDescriptions.Cifar("conv"), CifarNets.Classes);

        var input = Assert.Single(proto.Graph.Input);
        Assert.Equal("input", input.Name);
        Assert.Equal("batch", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal("logits", Assert.Single(proto.Graph.Output).Name);
        Assert.Equal(["Sub", "Div"], proto.Graph.Node.Take(2).Select(n => n.OpType));
        Assert.Equal(17, proto.OpsetImport.Single().Version);
        var keys = proto.MetadataProps.Select(p => p.Key).ToHashSet();
        foreach (string key in new[] { ModelFormat.Keys.Task, ModelFormat.Keys.Arch, ModelFormat.Keys.Classes, ModelFormat.Keys.InputLayout, ModelFormat.Keys.InputShape,
                     ModelFormat.Keys.Normalization, ModelFormat.Keys.Dataset, ModelFormat.Keys.DatasetSha256, ModelFormat.Keys.Metrics, ModelFormat.Keys.Run })
            Assert.Contains(key, keys);
    }

    [Fact]
    public void UnsupportedLayerFailsWithItsNameAndType()
    {
        using var model = nn.Sequential(("flatten", nn.Flatten()), ("squash", nn.Tanh()), ("output", nn.Linear(3072, 10)));

        var error = Assert.Throws<UnsupportedLayerException>(() => ModuleWalker.Walk(model));

        Assert.Contains("squash", error.Message);
        Assert.Contains("Tanh", error.Message);
    }

    [Fact]
    public void DropoutIsLeftOutOfTheGraph()
    {
        using var model = nn.Sequential(("flatten", nn.Flatten()), ("drop", nn.Dropout(0.5)), ("output", nn.Linear(3072, 10)));

        var ops = ModuleWalker.Walk(model);

        Assert.Equal(["flatten", "output"], ops.Select(o => o.Name));
    }

    /// <summary>Small widths keep the test fast; the layer kinds are those of the full networks.</summary>
    private static CifarNetConfig SmallConfig(CifarArchitecture arch) => CifarNetConfig.Default(arch) with
    {
        Hidden = 12,
        O1 = 6,
        O2 = 8,
        O3 = 12,
        O4 = 10,
    };
}
