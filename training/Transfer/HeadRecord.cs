using Toolkit.Training.Runs;

namespace Toolkit.Training.Transfer;

/// <summary>
/// <c>head.json</c> of a head run folder: the features it was trained on, the options, the history, the final
/// accuracies and the weights themselves (5,130 numbers for 512 features and 10 classes), so export needs nothing else.
/// </summary>
public sealed record HeadRecord
{
    public const string FileName = "head.json";

    public required string FeaturesFolder { get; init; }
    public required string Backbone { get; init; }
    public required int Resolution { get; init; }
    public int? TrainSubset { get; init; }
    public required int TrainCount { get; init; }
    public required int TestCount { get; init; }

    /// <summary>Training rows from a paired second feature folder (e.g. JPEG copies); 0 without one.</summary>
    public int ExtraTrainCount { get; init; }

    /// <summary>Rows the head was fitted on: the training rows outside validation and their paired copies.</summary>
    public int FittedRows { get; init; }
    public required HeadOptions Options { get; init; }
    public required SoftwareVersions Versions { get; init; }
    public required string Device { get; init; }
    public required string Command { get; init; }
    public required double WallSeconds { get; init; }
    public required IReadOnlyList<EpochMetrics> Epochs { get; init; }
    public required double TrainAccuracy { get; init; }
    public required double ValidationAccuracy { get; init; }
    public required double TestAccuracy { get; init; }

    /// <summary>On the test split's first 1,000 images (lossless in the shared data); null when the features are of a test subset.</summary>
    public double? TestAccuracyLosslessFirst1000 { get; init; }
    public required int Classes { get; init; }
    public required int Features { get; init; }
    public required float[] Weight { get; init; }
    public required float[] Bias { get; init; }
}
