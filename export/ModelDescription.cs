using System.Text.Json;
using Toolkit.Format;

namespace Toolkit.Export;

/// <summary>Per-channel normalization on [0, 1] pixels that the graph applies first.</summary>
public sealed record Normalization(float[] Mean, float[] Std);

/// <summary>
/// What a model file says about itself: written as the ONNX metadata_props (<see cref="ModelFormat.Keys"/>)
/// and as the model card beside the file (<see cref="ModelCard"/>).
/// </summary>
public sealed record ModelDescription
{
    public required string Name { get; init; }
    public const string ClassificationTask = ModelFormat.Tasks.Classification;
    public const string ReconstructionTask = ModelFormat.Tasks.Reconstruction;

    public string Task { get; init; } = ClassificationTask;
    public required string Arch { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    public required string InputLayout { get; init; }

    /// <summary>Input shape with the batch as -1, e.g. [-1, 3, 32, 32].</summary>
    public required long[] InputShape { get; init; }
    public required Normalization Normalization { get; init; }
    public required string Dataset { get; init; }
    public required IReadOnlyDictionary<string, string> DatasetSha256 { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>The run's hyperparameters and seed, as JSON.</summary>
    public required string RunJson { get; init; }

    /// <summary>The graph's output: <c>logits</c> for classifiers, <c>reconstruction</c> for autoencoders and PCA.</summary>
    public string OutputName => ModelFormat.OutputFor(Task);

    public IReadOnlyDictionary<string, string> MetadataProps() => new Dictionary<string, string>
    {
        [ModelFormat.Keys.Task] = Task,
        [ModelFormat.Keys.Arch] = Arch,
        [ModelFormat.Keys.Classes] = JsonSerializer.Serialize(Classes),
        [ModelFormat.Keys.InputLayout] = InputLayout,
        [ModelFormat.Keys.InputShape] = JsonSerializer.Serialize(InputShape),
        [ModelFormat.Keys.Normalization] = JsonSerializer.Serialize(new { mean = Normalization.Mean, std = Normalization.Std }),
        [ModelFormat.Keys.Dataset] = Dataset,
        [ModelFormat.Keys.DatasetSha256] = DatasetSha256.Count == 1 ? DatasetSha256.Values.Single() : JsonSerializer.Serialize(DatasetSha256),
        [ModelFormat.Keys.Metrics] = JsonSerializer.Serialize(Metrics),
        [ModelFormat.Keys.Run] = RunJson,
    };
}
