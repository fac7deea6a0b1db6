using System.Text.Json;
using Toolkit.Cli.Commands;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export.Transfer;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;
using Xunit;

namespace Toolkit.Tests.Transfer;

public sealed class ResNet18PackageTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [BackboneFileFact]
    public void PackagePreprocessing_IsSplitConcatSubOfAMeanImage_InBgrOrder()
    {
        var preprocessing = ResNetPreprocessing.Read(Toolkit.Export.Import.PretrainedResNetFiles.DefaultPreprocess);
        Assert.Equal([2, 1, 0], preprocessing.ChannelOrder);
        Assert.Equal(224, preprocessing.MeanSize);
        Assert.InRange(preprocessing.MeanImage.Average(), 80, 140);
    }

    [BackboneFileFact]
    public void FeatureGraph_MatchesThePackagesOwnGraphsChained_OnABatch()
    {
        var preprocessing = ResNetPreprocessing.Read(Toolkit.Export.Import.PretrainedResNetFiles.DefaultPreprocess);
        var backbone = BackboneGraph.Load(Toolkit.Export.Import.PretrainedResNetFiles.DefaultModel);
        const int size = 224, image = 3 * size * size;
        var pixels = OnnxRunner.Random(2 * image, seed: 21);

        var features = OnnxRunner.Run(TransferGraph.FeatureExtractor(preprocessing, backbone, size, size), _folder.Path, pixels, [2, 3, size, size]);

        Assert.Equal(2 * 512, features.Length);
        for (int n = 0; n < 2; n++)
        {
            var prepared = OnnxRunner.Run(Toolkit.Export.Import.PretrainedResNetFiles.DefaultPreprocess, pixels[(n * image)..((n + 1) * image)].Select(p => p * 255f).ToArray(), [1, 3, size, size]);
            var expected = OnnxRunner.Run(Toolkit.Export.Import.PretrainedResNetFiles.DefaultModel, prepared, [1, 3, size, size]);
            OnnxRunner.AssertClose(expected, features[(n * 512)..((n + 1) * 512)], 1e-3f);
        }
    }

    [BackboneAndDataFact]
    public void FeaturesTrainHeadExport_GiveAClassifierThatEvalRunsUnchanged()
    {
        string data = Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable)!;
        string features = _folder.File("features");
        string head = _folder.File("head");
        string onnx = _folder.File("cifar10-resnet18-test.onnx");

        var extract = ToolkitProcess.Run("transfer", "features", "--data", data, "--resolution", "64", "--train-subset", "40",
            "--test-subset", "20", "--out", features, "--device", "cpu", "--json");
        Assert.True(extract.ExitCode == 0, extract.StandardError + extract.StandardOutput);
        var again = ToolkitProcess.Run("transfer", "features", "--data", data, "--resolution", "64", "--train-subset", "40",
            "--test-subset", "20", "--out", features, "--device", "cpu", "--json");
        Assert.True(again.ExitCode == 0, again.StandardError);
        using (var report = JsonDocument.Parse(again.StandardOutput))
            Assert.All(report.RootElement.GetProperty("splits").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("computed").GetInt32()));

        var train = ToolkitProcess.Run("transfer", "train-head", "--features", features, "--out", head, "--epochs", "5", "--device", "cpu", "--json");
        Assert.True(train.ExitCode == 0, train.StandardError + train.StandardOutput);
        double headAccuracy;
        using (var report = JsonDocument.Parse(train.StandardOutput)) headAccuracy = report.RootElement.GetProperty("testAccuracy").GetDouble();

        var export = ToolkitProcess.Run("transfer", "export", head, "--out", onnx, "--data", data, "--json");
        Assert.True(export.ExitCode == 0, export.StandardError + export.StandardOutput);
        Assert.True(File.Exists(Path.ChangeExtension(onnx, ".json")));

        // The same 20 test images the features were made from, through the exported file as eval would run it.
        var test = CifarReader.ReadSplit(Path.Combine(data, CifarReader.FolderName), train: false);
        test = test.Select(StratifiedSubset.FirstPerClass(test.Labels, 20, 10));
        using var model = OnnxModel.Open(onnx, ExecutionDevice.Cpu);
        Assert.True(model.Info.IsClassifier);
        Assert.Equal([-1, 3, 32, 32], model.Info.InputShape);
        var logits = model.Run(test.Pixels.Select(b => b / 255f).ToArray(), test.Count);
        int correct = Enumerable.Range(0, test.Count).Count(i =>
            logits.AsSpan(i * 10, 10).IndexOf(logits.AsSpan(i * 10, 10).ToArray().Max()) == test.Labels[i]);
        Assert.Equal(headAccuracy, (double)correct / test.Count, 6);
        Assert.Equal(headAccuracy, model.Info.Metric("test_accuracy")!.Value, 6);
    }

    public void Dispose() => _folder.Dispose();
}
