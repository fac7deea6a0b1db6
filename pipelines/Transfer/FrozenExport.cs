using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export;
using Toolkit.Export.Transfer;
using Toolkit.Format;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Transfer;

namespace Toolkit.Pipelines.Transfer;

/// <summary>
/// The frozen-backbone classifier: pixels [N, 3, 32, 32] in [0, 1] → Resize → preprocessing → ResNet18 → Gemm head →
/// logits. The features up to the head are the graph 'transfer features' ran, so the head's accuracy on the cached
/// test features is the file's accuracy and goes on the card as measured there.
/// </summary>
public static class FrozenExport
{
    public static ExportResult Export(string headFile, string backbonePath, string preprocessPath, string? onnxPath, bool force, DataLocation location)
    {
        var head = RunJson.Read<HeadRecord>(headFile);
        string target = onnxPath ?? Path.Combine("models", $"cifar10-resnet18-{head.Resolution}.onnx");
        OutputGuard.ModelTarget(target, force);
        var preprocessing = ResNetPreprocessing.Read(preprocessPath);
        var backbone = BackboneGraph.Load(backbonePath);

        var description = Describe(Path.GetFileNameWithoutExtension(target), head, preprocessing,
            CifarReader.Checksums(location.Folder(CifarReader.FolderName), train: true));
        var model = TransferGraph.Classifier(preprocessing, backbone, CifarImages.Height, head.Resolution,
            new LinearHead(head.Weight, head.Bias, head.Classes, head.Features), description.MetadataProps());
        return MeasuredExport.Write(model, description, target, Path.GetDirectoryName(headFile) ?? "");
    }

    private static ModelDescription Describe(string name, HeadRecord head, ResNetPreprocessing preprocessing,
        IReadOnlyDictionary<string, string> dataSha256)
    {
        var (mean, std) = preprocessing.RgbUnitMeanStd();
        return new ModelDescription
        {
            Name = name,
            Arch = "resnet18-frozen",
            Classes = CifarImages.ClassNames,
            InputLayout = "NCHW",
            InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
            // The card's per-channel summary of the preprocessing; the graph subtracts the exact per-pixel mean image.
            Normalization = new Normalization(mean, std),
            Dataset = "cifar10",
            DatasetSha256 = dataSha256,
            Metrics = Metrics(head),
            RunJson = System.Text.Json.JsonSerializer.Serialize(new
            {
                backbone = $"{head.Backbone} (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1, ImageNet-pretrained, frozen)",
                preprocessing = "bilinear resize to the resolution, x255, RGB to BGR, minus the package's per-pixel mean image",
                head.Resolution,
                head.TrainSubset,
                head.Options,
                head.Command,
                head.FeaturesFolder,
            }, RunJson.Options),
        };
    }

    private static Dictionary<string, double> Metrics(HeadRecord head)
    {
        var metrics = new Dictionary<string, double>
        {
            ["train_accuracy"] = head.TrainAccuracy,
            ["val_accuracy"] = head.ValidationAccuracy,
            ["test_accuracy"] = head.TestAccuracy,
        };
        if (head.TestAccuracyLosslessFirst1000 is double lossless) metrics[ModelFormat.LosslessAccuracyMetric] = lossless;
        metrics["resolution"] = head.Resolution;
        metrics["train_images"] = head.TrainCount;
        metrics["head_training_wall_seconds"] = head.WallSeconds;
        return metrics;
    }
}
