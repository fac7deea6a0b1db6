using Toolkit.Training.Runs;

namespace Toolkit.Training.Mnist;

/// <summary>The run.json of an autoencoder run folder.</summary>
public sealed record AutoencoderRecord
{
    public const string FileName = "run.json";

    public required string Name { get; init; }
    public required string Dataset { get; init; }
    public required AutoencoderOptions Options { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required SoftwareVersions Versions { get; init; }
    public required string Command { get; init; }
    public DateTimeOffset Started { get; init; }
    public bool Finished { get; init; }
    /// <summary>Seconds of training alone (the optimizer steps).</summary>
    public double TrainSeconds { get; init; }
    /// <summary>Seconds of the whole run: loading, training, measuring, writing.</summary>
    public double WallSeconds { get; init; }
    public double? TrainMse { get; init; }
    public double? TestMse { get; init; }
    /// <summary>The loss of every step (of its batch, which for full-batch runs is the whole training set).</summary>
    public IReadOnlyList<StepLoss> Steps { get; init; } = [];
}
