using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Cifar;
using Toolkit.Export;
using Toolkit.Export.Transfer;
using Toolkit.Training;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Writes the self-contained classifier: pixels [N, 3, 32, 32] in [0, 1] → Resize → preprocessing → ResNet18 →
/// Gemm head → logits, with the toolkit's metadata and model card. The features up to the head are the same
/// graph 'transfer features' ran, so the head's accuracy on the cached test features is the file's accuracy.
/// </summary>
public sealed class TransferExportCommand : Command<TransferExportCommand.Settings>
{
    public sealed class Settings : BackboneSettings
    {
        [CommandArgument(0, "<HEAD>")]
        [Description("Run folder holding head.json (written by 'toolkit transfer train-head'), or such a file itself, e.g. models/cifar10-resnet18-224.head.json.")]
        public string Head { get; init; } = "";

        public string HeadFile => File.Exists(Head) ? Head : Path.Combine(Head, HeadRecord.FileName);

        [CommandOption("--out <FILE>")]
        [Description("ONNX file to write; the card goes beside it as .json. Default: models/cifar10-resnet18-RESOLUTION.onnx (git-ignored: about 64 MB).")]
        public string? Out { get; init; }



        public override ValidationResult Validate() =>
            File.Exists(HeadFile)
                ? ValidationResult.Success()
                : ValidationResult.Error($"{Head}: no {HeadRecord.FileName} (run 'toolkit transfer train-head' first)");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var head = RunJson.Read<HeadRecord>(settings.HeadFile);
        string onnxPath = settings.Out ?? Path.Combine("models", $"cifar10-resnet18-{head.Resolution}.onnx");
        var preprocessing = ResNetPreprocessing.Read(settings.PreprocessPath);
        var backbone = BackboneGraph.Load(settings.BackbonePath);

        var description = Describe(Path.GetFileNameWithoutExtension(onnxPath), head, preprocessing,
            CifarReader.Checksums(settings.Location.Folder(CifarReader.FolderName), train: true));
        var model = TransferGraph.Classifier(preprocessing, backbone, CifarImages.Height, head.Resolution,
            new LinearHead(head.Weight, head.Bias, head.Classes, head.Features), description.MetadataProps());
        string card = OnnxModelExporter.Write(model, description, onnxPath);

        if (settings.Json)
        {
            Json.Print(new { onnx = onnxPath, card, metrics = description.Metrics });
            return 0;
        }
        AnsiConsole.MarkupLine($"Exported [bold]{Markup.Escape(onnxPath)}[/] and {Markup.Escape(card)} from {Markup.Escape(settings.Head)}");
        var table = new Table().Title("metrics (test: the head on the cached test features, the same graph)").AddColumns("metric", "value");
        foreach (var (key, value) in description.Metrics) table.AddRow(key, value.ToString("G6"));
        AnsiConsole.Write(table);
        return 0;
    }

    private static ModelDescription Describe(string name, HeadRecord head, ResNetPreprocessing preprocessing,
        IReadOnlyDictionary<string, string> dataSha256) => new()
    {
        Name = name,
        Arch = "resnet18-frozen",
        Classes = CifarImages.ClassNames,
        InputLayout = "NCHW",
        InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
        Normalization = ChannelSummary(preprocessing),
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

    private static Dictionary<string, double> Metrics(HeadRecord head)
    {
        var metrics = new Dictionary<string, double>
        {
            ["train_accuracy"] = head.TrainAccuracy,
            ["val_accuracy"] = head.ValidationAccuracy,
            ["test_accuracy"] = head.TestAccuracy,
        };
        if (head.TestAccuracyLosslessFirst1000 is double lossless) metrics["test_accuracy_lossless_first_1000"] = lossless;
        metrics["resolution"] = head.Resolution;
        metrics["train_images"] = head.TrainCount;
        metrics["head_training_wall_seconds"] = head.WallSeconds;
        return metrics;
    }

    /// <summary>
    /// The card's per-channel form of the preprocessing, in RGB order on [0, 1] pixels: the mean image's channel
    /// averages and std 1/255. The graph itself subtracts the exact per-pixel mean image.
    /// </summary>
    private static Normalization ChannelSummary(ResNetPreprocessing preprocessing)
    {
        var (mean, std) = preprocessing.RgbUnitMeanStd();
        return new Normalization(mean, std);
    }
}
