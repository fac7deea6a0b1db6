using System.Diagnostics;
using Toolkit.Datasets.Cifar;
using Toolkit.Format;
using Toolkit.Inference.Transfer;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Runs;
using Toolkit.Training.Transfer;

namespace Toolkit.Pipelines.Transfer;

public sealed record HeadRequest(string Features, string? ExtraTrain, bool Partial, HeadOptions Options, string Device, string? Out, bool Force);

/// <summary>
/// A linear head on cached backbone features: load the features (and the extra training features of the same images),
/// train, and record options, history, accuracies and weights in RUN/head.json.
/// </summary>
public static class HeadTraining
{
    public static (HeadRecord Record, string Path) Run(HeadRequest request, string command, IProgressDisplay display)
    {
        var clock = Stopwatch.StartNew();
        var manifest = FeatureCache.ReadManifest(request.Features);
        string runFolder = request.Out ?? Path.Combine("runs", "transfer", $"head-{manifest.Resolution}");
        string path = Path.Combine(runFolder, HeadRecord.FileName);
        OutputGuard.MayReplace(path, request.Force);
        OutputGuard.WritableFolder(runFolder);

        var (trainFeatures, trainLabels, dimension) = FeatureCache.Load(request.Features, FeatureCache.Train, leadingOnly: request.Partial);
        var (testFeatures, testLabels, _) = FeatureCache.Load(request.Features, FeatureCache.Test);
        var device = Devices.Resolve(request.Device);
        FeatureSet? extra = request.ExtraTrain is { } folder ? ExtraTraining(manifest, folder, request.Partial) : null;
        var testSet = new FeatureSet(testFeatures, testLabels, dimension);
        var head = display.Run($"linear head on {trainLabels.Length:N0} × {dimension} features", request.Options.Epochs, progress =>
            LinearHeadTrainer.Train(new FeatureSet(trainFeatures, trainLabels, dimension), testSet,
                CifarImages.ClassNames.Count, request.Options, device, epoch => progress.Report(epoch.Epoch), extra));

        var record = new HeadRecord
        {
            FeaturesFolder = request.ExtraTrain is null ? request.Features : $"{request.Features} + {request.ExtraTrain} (train only)",
            Backbone = manifest.Backbone,
            Resolution = manifest.Resolution,
            TrainSubset = manifest.TrainSubset,
            TrainCount = trainLabels.Length,
            ExtraTrainCount = extra?.Count ?? 0,
            FittedRows = head.FittedRows,
            TestCount = manifest.TestCount,
            Options = request.Options,
            Versions = SoftwareVersions.Current(),
            Device = device.type.ToString().ToLowerInvariant(),
            Command = command,
            WallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            Epochs = head.Epochs,
            TrainAccuracy = head.TrainAccuracy,
            ValidationAccuracy = head.ValidationAccuracy,
            TestAccuracy = head.TestAccuracy,
            TestAccuracyLosslessFirst1000 = manifest.TestCount == 10_000
                ? LinearHeadTrainer.AccuracyOnFirst(head, testSet, ModelFormat.LosslessTestImages)
                : null,
            Classes = head.Classes,
            Features = head.Features,
            Weight = head.Weight,
            Bias = head.Bias,
        };
        RunJson.Write(path, record);
        return (record, path);
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
