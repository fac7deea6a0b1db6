using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Mnist;
using Toolkit.Training.Runs;
using Xunit;

namespace Toolkit.Tests.Outputs;

/// <summary>
/// Commands that would replace a model, card, gradient graph, report, run folder of another configuration or one of
/// their own inputs refuse before any work, in one line naming the file (and --force where it applies), and change nothing.
/// </summary>
public sealed class OverwriteTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _models;
    private readonly string _empty;

    public OverwriteTests()
    {
        _models = Directory.CreateDirectory(_folder.File("models")).FullName;
        foreach (string file in new[] { "cifar10-logreg.onnx", "cifar10-logreg.json", "cifar10-logreg.grad.onnx", "cifar10-mlp.onnx",
                     "mnist-ae-linear-h32.onnx" })
            File.Copy(Repository.Model(file), Path.Combine(_models, file));
        _empty = Directory.CreateDirectory(_folder.File("no-data")).FullName;
    }

    [Fact]
    public void TrainingRefusesToReplaceAnExistingModelItsCardOrGradientGraph()
    {
        var before = FolderSnapshot.Of(_folder.Path);
        string run = _folder.File("run");

        var result = ToolkitProcess.Run("train", "cifar10", "--arch", "logreg", "--subset", "500", "--epochs", "1",
            "--models", _models, "--out", run, "--data", _empty);

        AssertRefused(result, Path.Combine(_models, "cifar10-logreg.onnx"), "--force");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
        Assert.False(Directory.Exists(run), "the run folder was created before the refusal");
    }

    [Fact]
    public void TrainingIntoAFinishedRunOfAnotherArchitectureIsRefused()
    {
        string run = _folder.File("lenet-run");
        WriteFinishedRun(run, CifarArchitecture.Lenet);
        var before = FolderSnapshot.Of(_folder.Path);

        var result = ToolkitProcess.Run("train", "cifar10", "--arch", "logreg", "--out", run, "--models", _folder.File("new-models"),
            "--data", _empty);

        AssertRefused(result, run, "--force");
        Assert.Contains("--resume", result.StandardError);
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void AnAutoencoderRunFolderOfOtherOptionsIsRefused()
    {
        string runs = _folder.File("runs");
        string run = Path.Combine(runs, AutoencoderNets.Name(AutoencoderKind.Linear, 32));
        Directory.CreateDirectory(run);
        RunJson.Write(Path.Combine(run, AutoencoderRecord.FileName), new AutoencoderRecord
        {
            Name = "mnist-ae-linear-h32", Dataset = "mnist", Options = new AutoencoderOptions { Hidden = 32, Steps = 500 },
            DataSha256 = new Dictionary<string, string>(), Versions = Versions, Command = "toolkit train mnist-ae", Finished = true,
        });
        var before = FolderSnapshot.Of(_folder.Path);

        var result = ToolkitProcess.Run("train", "mnist-ae", "--kind", "linear", "--hidden", "32", "--steps", "10", "--runs", runs,
            "--data", _empty);

        AssertRefused(result, run, "--force");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void ExportRefusesToReplaceAnExistingModel()
    {
        string run = _folder.File("lenet-run");
        WriteFinishedRun(run, CifarArchitecture.Lenet);
        var before = FolderSnapshot.Of(_folder.Path);

        var result = ToolkitProcess.Run("export", run, "--out", Path.Combine(_models, "cifar10-logreg.onnx"), "--data", _empty);

        AssertRefused(result, Path.Combine(_models, "cifar10-logreg.onnx"), "--force");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void EvalWritesNoHeatmapOverAModelOrAnExistingPicture()
    {
        string model = Path.Combine(_models, "cifar10-logreg.onnx");
        string picture = _folder.File("confusion.png");
        File.WriteAllBytes(picture, [1, 2, 3]);
        var before = FolderSnapshot.Of(_folder.Path);

        var overModel = ToolkitProcess.Run("eval", model, "--heatmap", Path.Combine(_models, "cifar10-mlp.onnx"), "--data", _empty);
        var overPicture = ToolkitProcess.Run("eval", model, "--heatmap", picture, "--data", _empty);

        AssertRefused(overModel, Path.Combine(_models, "cifar10-mlp.onnx"), ".png", exitCode: 2);
        AssertRefused(overPicture, picture, "--force");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    [Fact]
    public void PredictWritesNoReconstructionOverAModelItsInputOrAnExistingPicture()
    {
        string model = Path.Combine(_models, "mnist-ae-linear-h32.onnx");
        string digit = _folder.File("digit.png");
        File.Copy(Repository.Sample(Path.Combine("mnist", "digit-2-test1.png")), digit);
        string earlier = _folder.File("earlier.png");
        File.WriteAllBytes(earlier, [1, 2, 3]);
        var before = FolderSnapshot.Of(_folder.Path);

        var overModel = ToolkitProcess.Run("predict", model, digit, "--device", "cpu", "--out", Path.Combine(_models, "cifar10-mlp.onnx"));
        var overInput = ToolkitProcess.Run("predict", model, digit, "--device", "cpu", "--out", digit);
        var overPicture = ToolkitProcess.Run("predict", model, digit, "--device", "cpu", "--out", earlier);

        AssertRefused(overModel, Path.Combine(_models, "cifar10-mlp.onnx"), ".png", exitCode: 2);
        AssertRefused(overInput, digit, "input");
        AssertRefused(overPicture, earlier, "--force");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));

        var forced = ToolkitProcess.Run("predict", model, digit, "--device", "cpu", "--out", earlier, "--force");
        Assert.True(forced.ExitCode == 0, forced.StandardError);
        Assert.NotEqual(before["earlier.png"], FolderSnapshot.Of(_folder.Path)["earlier.png"]);
    }

    [Fact]
    public void AttackReplacesNeitherAReportNorItsInputImage()
    {
        string model = Path.Combine(_models, "cifar10-logreg.onnx");
        string output = Directory.CreateDirectory(_folder.File("attack")).FullName;
        File.WriteAllText(Path.Combine(output, "report.json"), "{}");
        string image = _folder.File("ship.png");
        File.Copy(Repository.Sample("cifar10-test-00001-ship.png"), image);
        var before = FolderSnapshot.Of(_folder.Path);

        var overReport = ToolkitProcess.Run("attack", model, "--out", output, "--data", _empty, "--device", "cpu");
        var overImage = ToolkitProcess.Run("attack", model, "--image", image, "--out", image, "--device", "cpu");

        AssertRefused(overReport, Path.Combine(output, "report.json"), "--force");
        AssertRefused(overImage, image, "input");
        Assert.Equal(before, FolderSnapshot.Of(_folder.Path));
    }

    /// <summary>Exit code 1, one line on stderr naming the file and <paramref name="expected"/>, no stack trace.</summary>
    /// <summary>Refused in one line naming the file; exit 2 where the name alone is wrong (checked while parsing).</summary>
    private static void AssertRefused(ProcessResult result, string file, string expected, int exitCode = 1)
    {
        Assert.True(result.ExitCode == exitCode, $"exit {result.ExitCode}: {result.StandardOutput}{result.StandardError}");
        string error = result.StandardError.Trim();
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains(file, error);
        Assert.Contains(expected, error);
    }

    private static readonly SoftwareVersions Versions = new("test", "test", "test", 1);

    private static void WriteFinishedRun(string folder, CifarArchitecture arch)
    {
        Directory.CreateDirectory(folder);
        RunJson.Write(Path.Combine(folder, RunRecord<CifarRunSpec>.FileName), new RunRecord<CifarRunSpec>
        {
            Dataset = CifarRun.Dataset, Spec = CifarRecipes.Default(arch), DataSha256 = new Dictionary<string, string>(),
            Versions = Versions, Device = "cpu", Command = "toolkit train cifar10", Finished = true,
            Final = new FinalMetrics(0.5, 0.5, 0.5, 0.5),
        });
    }

    public void Dispose() => _folder.Dispose();
}
