using System.Text.Json;
using Toolkit.Inference.Images;
using Xunit;

namespace Toolkit.Tests.Attacks;

/// <summary>export-grad and attack as a user runs them, on a miniature model and a CIFAR-10 folder of a few records.</summary>
public sealed class AttackCommandTests : IClassFixture<AttackFixture>, IDisposable
{
    private readonly AttackFixture _fixture;
    private readonly TempFolder _folder = new();
    private readonly string _model;
    private readonly string _data;

    public AttackCommandTests(AttackFixture fixture)
    {
        _fixture = fixture;
        _model = ForwardGraphs.Write(MiniNets.Create("mlp"), _folder.Path);
        _data = WriteCifarTestBatch(_folder.File("data"));
    }

    [Fact]
    public void AttackWritesReportCurveAndExamples()
    {
        Assert.Equal(0, ToolkitProcess.Run("export-grad", _model).ExitCode);
        string output = _folder.File("out");

        var result = ToolkitProcess.Run("attack", _model, "--method", "fgsm,pgd", "--eps", "0:0.05:0.025", "--steps", "3",
            "--dataset", "cifar10-test", "--data", _data, "--out", output, "--device", "cpu", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var root = report.RootElement;
        Assert.Equal(24, root.GetProperty("images").GetInt32());
        Assert.Equal(23.0 / 24, root.GetProperty("cleanAccuracy").GetDouble(), 10);
        var methods = root.GetProperty("methods");
        Assert.Equal(["fgsm", "pgd-3"], methods.EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        Assert.Equal(3, methods[0].GetProperty("points").GetArrayLength());
        Assert.True(root.GetProperty("evalImagesPerSecond").GetDouble() > 0);
        using var curve = ImageDecoder.Decode(Path.Combine(output, "accuracy-vs-eps.png"));
        using var grid = ImageDecoder.Decode(Path.Combine(output, "examples.png"));
    }

    [Fact]
    public void AttackOnOneImageWritesTheAdversarialPng()
    {
        Assert.Equal(0, ToolkitProcess.Run("export-grad", _model).ExitCode);
        string image = _folder.File("x.png");
        PngWriter.Save(AttackFixture.RandomPixels(1, seed: 9), 3, 32, 32, image);

        var result = ToolkitProcess.Run("attack", _model, "--image", image, "--eps", "0.05", "--out", _folder.File("adv.png"), "--device", "cpu");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("before:", result.StandardOutput);
        Assert.Contains("after fgsm at eps 0.05:", result.StandardOutput);
        using var adversarial = ImageDecoder.Decode(_folder.File("adv.png"));
        Assert.Equal(32, adversarial.Width);
    }

    [Fact]
    public void AttackWithoutGradientGraphSaysHowToWriteIt()
    {
        var result = ToolkitProcess.Run("attack", _model, "--data", _data, "--out", _folder.File("out"), "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("toolkit export-grad", result.StandardError);
    }

    [Fact]
    public void ExportGradReportsTheOpWithNoDerivation()
    {
        string tanh = ForwardGraphs.Write(MiniNets.Create("tanh"), _folder.Path);

        var result = ToolkitProcess.Run("export-grad", tanh);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no input-gradient derivation for op Tanh", result.StandardError);
        Assert.True(File.Exists(tanh));
    }

    [Theory]
    [InlineData("attack")]
    [InlineData("export-grad")]
    public void HelpRenders(string command)
    {
        var result = ToolkitProcess.Run(command, "--help");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        Assert.Contains("USAGE", result.StandardOutput);
    }

    /// <summary>The fixture's images and labels as data/cifar-10/cifar-10-batches-bin/test_batch.bin.</summary>
    private string WriteCifarTestBatch(string data)
    {
        string folder = Directory.CreateDirectory(Path.Combine(data, "cifar-10", "cifar-10-batches-bin")).FullName;
        var set = _fixture.Set;
        using var file = File.Create(Path.Combine(folder, "test_batch.bin"));
        for (int i = 0; i < set.Count; i++)
        {
            file.WriteByte(set.Labels[i]);
            file.Write(set.Pixels, i * 3072, 3072);
        }
        return data;
    }

    public void Dispose() => _folder.Dispose();
}
