using System.Text.Json;
using System.Text.Json.Nodes;

namespace Toolkit.Export;

/// <summary>Per-channel normalization on [0, 1] pixels that the graph applies first.</summary>
public sealed record Normalization(float[] Mean, float[] Std);

/// <summary>
/// What a model file says about itself: written as the ONNX metadata_props (keys in docs/MODEL_FORMAT.md)
/// and as the model card JSON beside the file.
/// </summary>
public sealed record ModelDescription
{
    public required string Name { get; init; }
    public const string ClassificationTask = "classification";
    public const string ReconstructionTask = "reconstruction";

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
    public string OutputName => Task == ReconstructionTask ? OnnxGraphBuilder.ReconstructionOutputName : OnnxGraphBuilder.OutputName;

    public IReadOnlyDictionary<string, string> MetadataProps() => new Dictionary<string, string>
    {
        ["toolkit.task"] = Task,
        ["toolkit.arch"] = Arch,
        ["toolkit.classes"] = JsonSerializer.Serialize(Classes),
        ["toolkit.input_layout"] = InputLayout,
        ["toolkit.input_shape"] = JsonSerializer.Serialize(InputShape),
        ["toolkit.normalization"] = JsonSerializer.Serialize(new { mean = Normalization.Mean, std = Normalization.Std }),
        ["toolkit.dataset"] = Dataset,
        ["toolkit.dataset_sha256"] = DatasetSha256.Count == 1 ? DatasetSha256.Values.Single() : JsonSerializer.Serialize(DatasetSha256),
        ["toolkit.metrics"] = JsonSerializer.Serialize(Metrics),
        ["toolkit.run"] = RunJson,
    };

    /// <summary>The model card: the same metadata as structured JSON.</summary>
    public string CardJson(string onnxFileName)
    {
        var card = new JsonObject
        {
            ["name"] = Name,
            ["file"] = onnxFileName,
            ["task"] = Task,
            ["arch"] = Arch,
            ["classes"] = JsonSerializer.SerializeToNode(Classes),
            ["input"] = new JsonObject
            {
                ["name"] = OnnxGraphBuilder.InputName,
                ["layout"] = InputLayout,
                ["shape"] = JsonSerializer.SerializeToNode(InputShape),
                ["range"] = "float32 pixels in [0, 1]",
            },
            ["output"] = OutputName,
            ["normalization"] = new JsonObject
            {
                ["mean"] = JsonSerializer.SerializeToNode(Normalization.Mean),
                ["std"] = JsonSerializer.SerializeToNode(Normalization.Std),
            },
            ["dataset"] = Dataset,
            ["datasetSha256"] = JsonSerializer.SerializeToNode(DatasetSha256),
            ["metrics"] = JsonSerializer.SerializeToNode(Metrics),
            ["run"] = JsonNode.Parse(RunJson),
        };
        return card.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
