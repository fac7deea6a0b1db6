using System.Text.Json;
using Toolkit.Format;

namespace Toolkit.Inference;

/// <summary>What a toolkit model file says about itself in its metadata_props (see docs/MODEL_FORMAT.md).</summary>
public sealed record ModelInfo(
    string Task,
    string Arch,
    IReadOnlyList<string> Classes,
    string InputLayout,
    IReadOnlyList<int> InputShape,
    string Dataset,
    IReadOnlyDictionary<string, string> Properties)
{
    public const string Classification = ModelFormat.Tasks.Classification;
    public const string Reconstruction = ModelFormat.Tasks.Reconstruction;

    public bool IsClassifier => Task == Classification;

    /// <summary>Values per example, e.g. 3072 for [-1, 3, 32, 32].</summary>
    public int InputSize => InputShape.Skip(1).Aggregate(1, (a, b) => a * b);

    public int Channels => InputLayout == "NCHW" ? InputShape[1] : 1;
    public int Height => InputLayout == "NCHW" ? InputShape[2] : (int)Math.Sqrt(InputSize);
    public int Width => InputLayout == "NCHW" ? InputShape[3] : (int)Math.Sqrt(InputSize);

    /// <summary>A metric the model card records, e.g. <c>test_accuracy</c>.</summary>
    public double? Metric(string name)
    {
        if (!Properties.TryGetValue(ModelFormat.Keys.Metrics, out string? json)) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;
    }

    public static ModelInfo FromMetadata(string path, IReadOnlyDictionary<string, string> properties)
    {
        string Required(string key) => properties.TryGetValue(key, out string? value)
            ? value
            : throw new InvalidDataException($"{path}: metadata_props has no '{key}'; not a toolkit model (see docs/MODEL_FORMAT.md)");

        string task = Required(ModelFormat.Keys.Task);
        var shape = ParseJson<int[]>(path, ModelFormat.Keys.InputShape, Required(ModelFormat.Keys.InputShape));
        var classes = properties.TryGetValue(ModelFormat.Keys.Classes, out string? names)
            ? ParseJson<string[]>(path, ModelFormat.Keys.Classes, names)
            : [];
        if (task == Classification && classes.Length == 0)
            throw new InvalidDataException($"{path}: a classifier must list its classes in '{ModelFormat.Keys.Classes}'");

        return new ModelInfo(task,
            properties.GetValueOrDefault(ModelFormat.Keys.Arch, "unknown"),
            classes,
            properties.GetValueOrDefault(ModelFormat.Keys.InputLayout, shape.Length == 4 ? "NCHW" : "NF"),
            shape,
            properties.GetValueOrDefault(ModelFormat.Keys.Dataset, "unknown"),
            properties);
    }

    private static T ParseJson<T>(string path, string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: metadata '{key}' is not valid JSON of the expected shape: {e.Message}");
        }
    }
}
