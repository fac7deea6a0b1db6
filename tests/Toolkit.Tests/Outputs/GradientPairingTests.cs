using Google.Protobuf;
using Onnx;
using Toolkit.Export;
using Toolkit.Format;
using Toolkit.Tests.Attacks;
using Xunit;

namespace Toolkit.Tests.Outputs;

/// <summary>
/// A gradient graph records the sha256 of the forward file it was derived from; attack refuses a pair that disagrees,
/// naming both files and the command that rewrites the gradient graph, and every export rewrites or removes it.
/// </summary>
public sealed class GradientPairingTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _model;
    private readonly string _gradient;
    private readonly string _image;

    public GradientPairingTests()
    {
        _model = _folder.File("net.onnx");
        _gradient = _folder.File("net.grad.onnx");
        File.Copy(Repository.Model("cifar10-lenet.onnx"), _model);
        File.Copy(Repository.Model("cifar10-lenet.grad.onnx"), _gradient);
        _image = _folder.File("ship.png");
        File.Copy(Repository.Sample("cifar10-test-00001-ship.png"), _image);
    }

    [Theory]
    [InlineData("cifar10-conv.onnx")]
    [InlineData("cifar10-lenet.onnx")]
    [InlineData("cifar10-logreg.onnx")]
    [InlineData("cifar10-mlp.onnx")]
    public void EveryCommittedClassifierIsPairedWithItsGradientGraph(string file)
    {
        string forward = Repository.Model(file);
        var gradient = ModelProto.Parser.ParseFrom(File.ReadAllBytes(ModelFormat.GradientGraphPath(forward)));

        Assert.Null(ModelFormat.PairingProblem(forward, File.ReadAllBytes(forward), Metadata(gradient)));
    }

    [Fact]
    public void AttackRefusesTheGradientGraphOfAnotherVersionOfTheModel()
    {
        File.Copy(Repository.Model("cifar10-logreg.onnx"), _model, overwrite: true); // the model was retrained; its gradient graph was not
        var before = FolderSnapshot.Of(_folder.Path);

        var result = AttackOneImage();

        AssertRefused(result);
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void AttackRefusesAGradientGraphThatRecordsNoForwardChecksum()
    {
        var gradient = ModelProto.Parser.ParseFrom(File.ReadAllBytes(_gradient));
        var recorded = gradient.MetadataProps.Single(p => p.Key == ModelFormat.Keys.ForwardSha256);
        gradient.MetadataProps.Remove(recorded);
        File.WriteAllBytes(_gradient, gradient.ToByteArray());
        var before = FolderSnapshot.Of(_folder.Path);

        var result = AttackOneImage();

        AssertRefused(result);
        Assert.Contains("records no checksum", result.StandardError);
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void TheNamedCommandRepairsThePair()
    {
        File.Copy(Repository.Model("cifar10-logreg.onnx"), _model, overwrite: true);
        Assert.Equal(1, AttackOneImage().ExitCode);

        var rewrite = ToolkitProcess.Run("export-grad", _model);
        var attack = AttackOneImage();

        Assert.True(rewrite.ExitCode == 0, rewrite.StandardError);
        Assert.True(attack.ExitCode == 0, attack.StandardError);
        Assert.True(File.Exists(_folder.File("adversarial.png")));
    }

    [Fact]
    public void WritingAClassifierWritesItsPairedGradientGraph()
    {
        string path = _folder.File("mlp.onnx");

        var written = ModelFiles.Write(ForwardGraphs.Build(MiniNets.Create("mlp")), path);

        Assert.Equal(ModelFormat.GradientGraphPath(path), written.GradientGraph);
        var gradient = ModelProto.Parser.ParseFrom(File.ReadAllBytes(written.GradientGraph!));
        Assert.Null(ModelFormat.PairingProblem(path, File.ReadAllBytes(path), Metadata(gradient)));
        Assert.Equal("mlp.onnx", ModelCard.Read(written.Card)["file"]!.GetValue<string>());
    }

    [Fact]
    public void WritingAModelWithoutAGradientGraphRemovesTheStaleOne()
    {
        string path = _folder.File("net.onnx");
        var reconstruction = ForwardGraphs.Build(MiniNets.Create("mlp"));
        reconstruction.MetadataProps.Single(p => p.Key == ModelFormat.Keys.Task).Value = ModelFormat.Tasks.Reconstruction;
        string stale = _gradient;

        var withoutLogits = ModelFiles.Write(reconstruction, path);
        File.Copy(Repository.Model("cifar10-lenet.grad.onnx"), stale, overwrite: true);
        var withUnknownOp = ModelFiles.Write(ForwardGraphs.Build(MiniNets.Create("tanh")), path);

        Assert.Null(withoutLogits.GradientGraph);
        Assert.Contains("only classifiers", withoutLogits.NoGradientGraph);
        Assert.Null(withUnknownOp.GradientGraph);
        Assert.Contains("op Tanh", withUnknownOp.NoGradientGraph);
        Assert.False(File.Exists(stale));
    }

    private ProcessResult AttackOneImage() =>
        ToolkitProcess.Run("attack", _model, "--image", _image, "--eps", "0.025", "--out", _folder.File("adversarial.png"), "--device", "cpu");

    private void AssertRefused(ProcessResult result)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        string error = result.StandardError.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.Contains(_gradient, error);
        Assert.Contains(_model, error);
        Assert.Contains($"toolkit export-grad {_model}", error);
    }

    private static Dictionary<string, string> Metadata(ModelProto model) => model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);

    public void Dispose() => _folder.Dispose();
}
