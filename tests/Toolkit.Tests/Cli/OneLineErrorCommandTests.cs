using Toolkit.Tests.Datasets.Fixtures;
using Toolkit.Tests.Inference;
using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>Damaged or misplaced files a user hands a command: one line naming the file, exit code 1, nothing written.</summary>
[Collection(BadInputCollection.Name)]
public sealed class OneLineErrorCommandTests(BadInputs inputs)
{
    private static readonly string[] DamagedModels = ["models/random.onnx", "models/empty.onnx", "models/truncated.onnx"];

    public static readonly BadInputCase[] Cases =
    [
        .. DamagedModels.SelectMany(model => new BadInputCase[]
        {
            new($"eval {model}", ["eval", model, "--data", "data", "--device", "cpu"], 1, model, "not an ONNX model"),
            new($"predict {model}", ["predict", model, "images/ship.png", "--device", "cpu"], 1, model, "not an ONNX model"),
            new($"attack {model}", ["attack", model, "--out", "attack", "--data", "data", "--device", "cpu"], 1, model, "not an ONNX model"),
            new($"export-grad {model}", ["export-grad", model], 1, model, "not an ONNX model"),
            new($"topics infer {model}", ["topics", "infer", model, "models/cifar10-logreg.onnx"], 1, model, "not an ONNX model"),
        }),
        new("predict a gradient graph", ["predict", "models/cifar10-logreg.grad.onnx", "images/ship.png", "--device", "cpu"], 1,
            "models/cifar10-logreg.grad.onnx", "gradient graph", "NAME.onnx"),
        new("eval a gradient graph", ["eval", "models/cifar10-logreg.grad.onnx", "--data", "data", "--device", "cpu"], 1,
            "models/cifar10-logreg.grad.onnx", "gradient graph"),
        new("export a run with a broken run.json", ["export", "runs/broken-json", "--out", "exported.onnx", "--data", "data"], 1,
            "runs/broken-json/run.json", "not a valid run.json"),
        new("resume a run with a broken run.json", ["train", "cifar10", "--resume", "runs/broken-json", "--data", "data"], 1,
            "runs/broken-json/run.json", "not a valid run.json"),
        new("predict --out with a classifier", ["predict", "models/cifar10-logreg.onnx", "images/ship.png", "--out", "ship.png", "--device", "cpu"], 1,
            "--out ship.png", "only reconstruction models"),
        new("predict an empty image folder", ["predict", "models/cifar10-logreg.onnx", "no-images", "--device", "cpu"], 1,
            "no-images", "no PNG, JPEG"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void DamagedFileIsOneLineNamingItAndChangesNothing(string name) =>
        inputs.AssertOneLineError(Cases.Single(c => c.Name == name));

    [Fact]
    public void VerboseAddsTheTrace()
    {
        var result = ToolkitProcess.RunIn(inputs.Root, "eval", "models/random.onnx", "--data", "data", "--device", "cpu", "--verbose");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: models/random.onnx: not an ONNX model", result.StandardError);
        Assert.True(BadInputs.HasStackTrace(result), result.StandardError);
    }

    [Fact]
    public void PredictDoesNotReadItsOwnReconstructionsBack()
    {
        using var folder = new TempFolder();
        string model = Path.Combine(folder.Path, "ae.onnx");
        File.Copy(Path.Combine(Repository.Root, "models", "mnist-ae-linear-h32.onnx"), model);
        string digits = Directory.CreateDirectory(Path.Combine(folder.Path, "digits")).FullName;
        File.WriteAllBytes(Path.Combine(digits, "seven.png"), TestImages.GreyPngDeclaring(28, 28));
        File.WriteAllBytes(Path.Combine(digits, "seven.recon.png"), TestImages.GreyPngDeclaring(28, 28));

        var result = ToolkitProcess.RunIn(folder.Path, "predict", model, digits, "--device", "cpu", "--json", "--force");

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = System.Text.Json.JsonDocument.Parse(result.StandardOutput);
        var sources = json.RootElement.GetProperty("reconstructions").EnumerateArray().Select(r => r.GetProperty("image").GetString()).ToList();
        Assert.Equal([Path.Combine(digits, "seven.png")], sources);
    }

    [RealDataFact]
    public void TruncatedCheckpointNamesTheFile()
    {
        using var folder = new TempFolder();
        string run = Path.Combine(folder.Path, "run");
        string data = Environment.GetEnvironmentVariable("TOOLKIT_DATA")!;
        var train = ToolkitProcess.RunIn(folder.Path, "train", "cifar10", "--arch", "logreg", "--subset", "100", "--epochs", "1",
            "--no-export", "--out", run, "--data", data, "--threads", "1", "--json");
        Assert.True(train.ExitCode == 0, train.StandardError);
        string checkpoint = Path.Combine(run, "checkpoint.bin");
        byte[] whole = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, whole[..(whole.Length / 10)]); // cut inside the weights
        var before = BadInputs.Checksums(folder.Path);

        var result = ToolkitProcess.RunIn(folder.Path, "export", run, "--out", Path.Combine(folder.Path, "model.onnx"), "--data", data);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{checkpoint}: truncated or damaged checkpoint", line);
        Assert.False(BadInputs.HasStackTrace(result), result.StandardError);
        Assert.Equal(before, BadInputs.Checksums(folder.Path));
    }
}
