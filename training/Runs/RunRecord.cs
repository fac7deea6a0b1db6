namespace Toolkit.Training.Runs;

/// <summary>Final accuracies; test is measured on the whole test set and on its lossless first 1,000 images.</summary>
public sealed record FinalMetrics(
    double TrainAccuracy, double ValidationAccuracy, double TestAccuracy, double TestAccuracyLossless1000);

/// <summary>Software the numbers came from.</summary>
public sealed record SoftwareVersions(string Dotnet, string TorchSharp, string Os, int TorchThreads)
{
    public static SoftwareVersions Current() => new(
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        typeof(global::TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        global::TorchSharp.torch.get_num_threads());
}

/// <summary>The run.json of a run folder: enough to reproduce the run and to compare it with others.</summary>
public sealed record RunRecord<TSpec>
{
    public const string FileName = "run.json";

    public required string Dataset { get; init; }
    public required TSpec Spec { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required SoftwareVersions Versions { get; init; }
    public required string Device { get; init; }
    public required string Command { get; init; }
    public DateTimeOffset Started { get; init; }
    public bool Finished { get; init; }
    public double WallSeconds { get; init; }
    public IReadOnlyList<EpochMetrics> Epochs { get; init; } = [];
    public FinalMetrics? Final { get; init; }
}
