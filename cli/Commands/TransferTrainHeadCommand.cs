using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Cifar;
using Toolkit.Inference.Transfer;
using Toolkit.Training;
using Toolkit.Training.Runs;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>Trains a linear head on cached backbone features and records it, weights included, in head.json.</summary>
public sealed class TransferTrainHeadCommand : Command<TransferTrainHeadCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--features <DIR>")]
        [Description("Feature folder written by 'toolkit transfer features'.")]
        public string Features { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("Run folder for head.json. Default: runs/transfer/head-RESOLUTION.")]
        public string? Out { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Default: 30.")]
        public int Epochs { get; init; } = 30;

        [CommandOption("--lr <RATE>")]
        [Description("Adam learning rate. Default: 1e-3.")]
        public double LearningRate { get; init; } = 1e-3;

        [CommandOption("--batch <N>")]
        [Description("Default: 512.")]
        public int Batch { get; init; } = 512;

        [CommandOption("--val-fraction <F>")]
        [Description("Share of the training features held out for validation. Default: 0.1.")]
        public double ValidationFraction { get; init; } = 0.1;

        [CommandOption("--seed <N>")]
        [Description("Default: 1.")]
        public int Seed { get; init; } = 1;

        [CommandOption("--extra-train <DIR>")]
        [Description("A feature folder of the same images, backbone, resolution and train subset (e.g. made with --train-jpeg-quality) whose training features join the fitted data row for row; its test features are not used.")]
        public string? ExtraTrain { get; init; }

        [CommandOption("--partial")]
        [Description("Train on the finished leading chunks of the training features (an extraction still running or cut short); the test features must be complete.")]
        public bool Partial { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu, cuda or auto. Default: auto.")]
        public string Device { get; init; } = "auto";

        public override ValidationResult Validate()
        {
            if (Features.Length == 0) return ValidationResult.Error("--features DIR is required");
            if (!Directory.Exists(Features)) return ValidationResult.Error($"{Features}: feature folder not found");
            if (ExtraTrain is not null && !Directory.Exists(ExtraTrain)) return ValidationResult.Error($"{ExtraTrain}: feature folder not found");
            if (Epochs < 1) return ValidationResult.Error("--epochs must be at least 1");
            if (LearningRate <= 0) return ValidationResult.Error("--lr must be positive");
            if (Batch < 1) return ValidationResult.Error("--batch must be at least 1");
            if (ValidationFraction is < 0 or >= 1) return ValidationResult.Error("--val-fraction must be in [0, 1)");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var manifest = FeatureCache.ReadManifest(settings.Features);
        var (trainFeatures, trainLabels, dimension) = FeatureCache.Load(settings.Features, FeatureCache.Train, leadingOnly: settings.Partial);
        var (testFeatures, testLabels, _) = FeatureCache.Load(settings.Features, FeatureCache.Test);
        var options = new HeadOptions(settings.Epochs, settings.LearningRate, settings.Batch, settings.ValidationFraction, settings.Seed);
        var device = Devices.Resolve(settings.Device);

        FeatureSet? extra = settings.ExtraTrain is { } folder ? ExtraTraining(manifest, folder, settings.Partial) : null;
        var testSet = new FeatureSet(testFeatures, testLabels, dimension);
        var head = Progress.Run($"linear head on {trainLabels.Length:N0} × {dimension} features", options.Epochs, progress =>
            LinearHeadTrainer.Train(new FeatureSet(trainFeatures, trainLabels, dimension), testSet,
                CifarImages.ClassNames.Count, options, device, epoch => progress.Report(epoch.Epoch), extra), settings.Json);

        string runFolder = settings.Out ?? Path.Combine("runs", "transfer", $"head-{manifest.Resolution}");
        Directory.CreateDirectory(runFolder);
        var record = new HeadRecord
        {
            FeaturesFolder = settings.ExtraTrain is null ? settings.Features : $"{settings.Features} + {settings.ExtraTrain} (train only)",
            Backbone = manifest.Backbone,
            Resolution = manifest.Resolution,
            TrainSubset = manifest.TrainSubset,
            TrainCount = trainLabels.Length,
            ExtraTrainCount = extra?.Count ?? 0,
            FittedRows = head.FittedRows,
            TestCount = manifest.TestCount,
            Options = options,
            Versions = SoftwareVersions.Current(),
            Device = device.type.ToString().ToLowerInvariant(),
            Command = "toolkit " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1)),
            WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            Epochs = head.Epochs,
            TrainAccuracy = head.TrainAccuracy,
            ValidationAccuracy = head.ValidationAccuracy,
            TestAccuracy = head.TestAccuracy,
            TestAccuracyLosslessFirst1000 = manifest.TestCount == 10_000 ? LinearHeadTrainer.AccuracyOnFirst(head, testSet, 1000) : null,
            Classes = head.Classes,
            Features = head.Features,
            Weight = head.Weight,
            Bias = head.Bias,
        };
        string path = Path.Combine(runFolder, HeadRecord.FileName);
        RunJson.Write(path, record);

        if (settings.Json)
        {
            Json.Print(new { head = path, record.TrainAccuracy, record.ValidationAccuracy, record.TestAccuracy, record.TestAccuracyLosslessFirst1000, record.TestCount, record.WallSeconds });
            return 0;
        }
        var table = new Table().Title($"linear head on {manifest.Resolution}px ResNet18 features").AddColumns("train images", "train", "validation", $"test ({manifest.TestCount:N0})", "test lossless (first 1,000)", "wall time");
        table.AddRow(record.TrainCount.ToString("N0"), record.TrainAccuracy.ToString("F4"), record.ValidationAccuracy.ToString("F4"), record.TestAccuracy.ToString("F4"),
            record.TestAccuracyLosslessFirst1000?.ToString("F4") ?? "-", $"{record.WallSeconds:F1} s");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/]; export with 'toolkit transfer export {Markup.Escape(runFolder)}'");
        return 0;
    }

    /// <summary>The training features of another folder made from the same images (e.g. their JPEG copies), row for row.</summary>
    private static FeatureSet ExtraTraining(FeatureManifest manifest, string folder, bool partial)
    {
        var other = FeatureCache.ReadManifest(folder);
        if (other.Backbone != manifest.Backbone || other.Resolution != manifest.Resolution || other.Dimension != manifest.Dimension
            || other.TrainSubset != manifest.TrainSubset)
            throw new InvalidOperationException($"{folder}: features of {other.Backbone} at {other.Resolution}px, train subset {other.TrainSubset}, " +
                $"do not pair with {manifest.Backbone} at {manifest.Resolution}px, train subset {manifest.TrainSubset}");
        var (features, labels, dimension) = FeatureCache.Load(folder, FeatureCache.Train, leadingOnly: partial);
        return new FeatureSet(features, labels, dimension);
    }
}
