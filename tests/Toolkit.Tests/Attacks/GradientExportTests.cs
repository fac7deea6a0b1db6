using Toolkit.Export.Gradients;
using Toolkit.Format;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Sessions;
using Xunit;

namespace Toolkit.Tests.Attacks;

/// <summary>Where gradient graphs are written, and the forward graphs that get none.</summary>
public sealed class GradientExportTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void AnOpWithNoDerivationFailsNamingItAndLeavesTheForwardModel()
    {
        string forward = ForwardGraphs.Write(MiniNets.Create("tanh"), _folder.Path);
        byte[] before = File.ReadAllBytes(forward);

        var error = Assert.Throws<GradientExportException>(() => GradientGraphFile.Write(forward));

        Assert.Contains("op Tanh", error.Message);
        Assert.Contains("(node 'tanh", error.Message);
        Assert.Equal(before, File.ReadAllBytes(forward));
        Assert.False(File.Exists(ModelFormat.GradientGraphPath(forward)));
    }

    [Fact]
    public void GradientGraphKeepsTheForwardMetadataAndLivesNextToTheModel()
    {
        string forward = ForwardGraphs.Write(MiniNets.Create("lenet"), _folder.Path);

        string written = GradientGraphFile.Write(forward);

        Assert.Equal(_folder.File("lenet.grad.onnx"), written);
        Assert.Equal(written, ModelFormat.GradientGraphPath(forward));
        using var model = GradientModel.Open(written, ExecutionDevice.Cpu);
        Assert.Equal("lenet", model.Info.Arch);
        Assert.Equal(10, model.Classes);
    }

    [Fact]
    public void AModelWithoutLogitsIsNotAClassifier()
    {
        var forward = ForwardGraphs.Build(MiniNets.Create("mlp"));
        forward.Graph.Output[0].Name = "reconstruction";
        forward.Graph.Node[^1].Output[0] = "reconstruction";

        var error = Assert.Throws<GradientExportException>(() => GradientGraphBuilder.Build(forward));

        Assert.Contains("only classifiers have gradient graphs", error.Message);
    }

    [Theory]
    [InlineData("lenet", "MaxUnpool", "ScatterElements")]
    [InlineData("variants", "ScatterElements", "MaxUnpool")]
    public void MaxPoolGradientUnpoolsOnlyWhereWindowsDoNotOverlap(string arch, string used, string unused)
    {
        var ops = GradientGraphBuilder.Build(ForwardGraphs.Build(MiniNets.Create(arch))).Graph.Node.Select(n => n.OpType).ToList();

        Assert.Contains(used, ops);
        Assert.DoesNotContain(unused, ops);
    }

    [Fact]
    public void ReluBeforeMaxPoolMovesAfterItSoItsMaskCoversThePooledTensor()
    {
        var nodes = GradientGraphBuilder.Build(ForwardGraphs.Build(MiniNets.Create("conv"))).Graph.Node.ToList();

        var pool = nodes.Single(n => n.OpType == "MaxPool");
        var relu = nodes.Single(n => n.OpType == "Relu");
        Assert.Equal(pool.Output[0], relu.Input[0]);
        Assert.True(nodes.IndexOf(pool) < nodes.IndexOf(relu));
    }

    public void Dispose() => _folder.Dispose();
}
