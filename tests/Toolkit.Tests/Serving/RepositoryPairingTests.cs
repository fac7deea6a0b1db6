using Toolkit.Inference.Sessions;
using Toolkit.Serving.Repository;
using Xunit;

namespace Toolkit.Tests.Serving;

/// <summary>A repository refuses to serve a gradient graph derived from another version of its forward model.</summary>
public sealed class RepositoryPairingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void MatchingPairIsServed()
    {
        File.Copy(Repository.Model("cifar10-logreg.onnx"), _folder.File("cifar10-logreg.onnx"));
        File.Copy(Repository.Model("cifar10-logreg.grad.onnx"), _folder.File("cifar10-logreg.grad.onnx"));

        using var repository = ModelRepository.Open(_folder.Path, ExecutionDevice.Cpu);

        Assert.Equal(["cifar10-logreg", "cifar10-logreg.grad"], repository.Names);
    }

    [Fact]
    public void StaleGradientGraphIsRefusedNamingBothFiles()
    {
        string forward = _folder.File("cifar10-logreg.onnx");
        File.Copy(Repository.Model("cifar10-logreg.onnx"), forward);
        File.Copy(Repository.Model("cifar10-mlp.grad.onnx"), _folder.File("cifar10-logreg.grad.onnx"));

        var error = Assert.Throws<InvalidDataException>(() => ModelRepository.Open(_folder.Path, ExecutionDevice.Cpu));

        Assert.Contains("cifar10-logreg.grad.onnx", error.Message);
        Assert.Contains("export-grad " + forward, error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
