using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Toolkit.Format;

/// <summary>
/// The model file contract (docs/MODEL_FORMAT.md), defined once: what a toolkit ONNX file is called, which inputs
/// and outputs it has, which metadata_props it carries, how its gradient graph and card are named and paired.
/// Export writes it, inference and serving read it.
/// </summary>
public static class ModelFormat
{
    /// <summary>The metadata_props keys.</summary>
    public static class Keys
    {
        public const string Task = "toolkit.task";
        public const string Arch = "toolkit.arch";
        public const string Classes = "toolkit.classes";
        public const string InputLayout = "toolkit.input_layout";
        public const string InputShape = "toolkit.input_shape";
        public const string Normalization = "toolkit.normalization";
        public const string Dataset = "toolkit.dataset";
        public const string DatasetSha256 = "toolkit.dataset_sha256";
        public const string Metrics = "toolkit.metrics";
        public const string Run = "toolkit.run";

        /// <summary>Topic models: the vocabulary (JSON array), each topic's top words, the text options.</summary>
        public const string Vocabulary = "toolkit.vocabulary";
        public const string TopicWords = "toolkit.topic_words";
        public const string Text = "toolkit.text";

        /// <summary>Gradient graphs: <see cref="Graphs.InputGradient"/>, and the sha256 of the forward file they were derived from.</summary>
        public const string Graph = "toolkit.graph";
        public const string ForwardSha256 = "toolkit.forward_sha256";
    }

    /// <summary>The values of <see cref="Keys.Task"/>.</summary>
    public static class Tasks
    {
        public const string Classification = "classification";
        public const string Reconstruction = "reconstruction";
        public const string Topics = "topics";
    }

    /// <summary>The values of <see cref="Keys.Graph"/>.</summary>
    public static class Graphs
    {
        public const string InputGradient = "input_gradient";
    }

    /// <summary>Input and output names of forward and gradient graphs.</summary>
    public static class Names
    {
        public const string Input = "input";
        public const string Logits = "logits";
        public const string Reconstruction = "reconstruction";
        public const string Topics = "topics";
        public const string Label = "label";
        public const string Loss = "loss";
        public const string InputGradient = "input_grad";
    }

    /// <summary>The output a forward graph of <paramref name="task"/> names.</summary>
    public static string OutputFor(string task) => task switch
    {
        Tasks.Classification => Names.Logits,
        Tasks.Reconstruction => Names.Reconstruction,
        Tasks.Topics => Names.Topics,
        _ => throw new ArgumentException($"unknown task '{task}'"),
    };

    /// <summary>
    /// The CIFAR-10 test images 0-999 of the shared data are the lossless originals (the rest are JPEG copies),
    /// so accuracy is also reported on them, under <see cref="LosslessSubset"/> and <see cref="LosslessAccuracyMetric"/>.
    /// </summary>
    public const int LosslessTestImages = 1000;
    public const string LosslessSubset = "lossless first 1000";
    public const string LosslessAccuracyMetric = "test_accuracy_lossless_first_1000";

    public const string ModelExtension = ".onnx";
    public const string GradientGraphExtension = ".grad.onnx";
    public const string CardExtension = ".json";

    /// <summary>models/NAME.onnx → models/NAME.grad.onnx.</summary>
    public static string GradientGraphPath(string forwardPath) => Beside(forwardPath, GradientGraphExtension);

    /// <summary>models/NAME.onnx → models/NAME.json.</summary>
    public static string CardPath(string forwardPath) => Beside(forwardPath, CardExtension);

    public static bool IsGradientGraphPath(string path) => path.EndsWith(GradientGraphExtension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The command that (re)writes the gradient graph of a forward model file.</summary>
    public static string GradientGraphCommand(string forwardPath) => $"toolkit export-grad {forwardPath}";

    /// <summary>The checksum a gradient graph records of its forward file (<see cref="Keys.ForwardSha256"/>).</summary>
    public static string Sha256(ReadOnlySpan<byte> forwardFileBytes) => Convert.ToHexStringLower(SHA256.HashData(forwardFileBytes));

    /// <summary>
    /// Null when the gradient graph's metadata says it was derived from exactly these forward bytes; otherwise the
    /// one-line reason it must not be used with them.
    /// </summary>
    public static string? PairingProblem(string forwardPath, ReadOnlySpan<byte> forwardFileBytes, IReadOnlyDictionary<string, string> gradientMetadata)
    {
        string gradientPath = GradientGraphPath(forwardPath);
        string rewrite = $"rewrite it with '{GradientGraphCommand(forwardPath)}'";
        if (!gradientMetadata.TryGetValue(Keys.ForwardSha256, out string? recorded))
            return $"{gradientPath}: records no checksum of {forwardPath}, so it may belong to another version of the model; {rewrite}";
        return recorded == Sha256(forwardFileBytes)
            ? null
            : $"{gradientPath} was derived from another version of {forwardPath} (forward sha256 {recorded[..12]}…, file {Sha256(forwardFileBytes)[..12]}…); {rewrite}";
    }

    private static string Beside(string forwardPath, string extension)
    {
        string folder = Path.GetDirectoryName(forwardPath) ?? "";
        string name = Path.GetFileName(forwardPath);
        string stem = name.EndsWith(ModelExtension, StringComparison.OrdinalIgnoreCase) ? name[..^ModelExtension.Length] : Path.GetFileNameWithoutExtension(name);
        return Path.Combine(folder, stem + extension);
    }
}

/// <summary>
/// The model card NAME.json beside NAME.onnx: the file's metadata_props as one readable JSON object, with JSON values
/// parsed and the input and output spelled out. The one writer and reader of cards.
/// </summary>
public static class ModelCard
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Card fields in the order they are written; each maps a metadata key to a card name.</summary>
    private static readonly (string Key, string Field)[] Fields =
    [
        (ModelFormat.Keys.Task, "task"), (ModelFormat.Keys.Arch, "arch"), (ModelFormat.Keys.Classes, "classes"),
        (ModelFormat.Keys.Normalization, "normalization"), (ModelFormat.Keys.Dataset, "dataset"),
        (ModelFormat.Keys.DatasetSha256, "datasetSha256"), (ModelFormat.Keys.Metrics, "metrics"),
        (ModelFormat.Keys.Vocabulary, "vocabulary"), (ModelFormat.Keys.TopicWords, "topicWords"),
        (ModelFormat.Keys.Text, "text"), (ModelFormat.Keys.Run, "run"),
    ];

    /// <summary>The card's JSON text for a model file named <paramref name="onnxFileName"/> with these metadata_props.</summary>
    public static string Json(string onnxFileName, IReadOnlyDictionary<string, string> metadata)
    {
        string task = metadata.GetValueOrDefault(ModelFormat.Keys.Task, ModelFormat.Tasks.Classification);
        var card = new JsonObject
        {
            ["name"] = onnxFileName.EndsWith(ModelFormat.ModelExtension) ? onnxFileName[..^ModelFormat.ModelExtension.Length] : onnxFileName,
            ["file"] = onnxFileName,
            ["input"] = new JsonObject
            {
                ["name"] = ModelFormat.Names.Input,
                ["layout"] = metadata.GetValueOrDefault(ModelFormat.Keys.InputLayout),
                ["shape"] = Parsed(metadata.GetValueOrDefault(ModelFormat.Keys.InputShape)),
                ["range"] = task == ModelFormat.Tasks.Topics ? "float32 word counts" : "float32 pixels in [0, 1]",
            },
            ["output"] = ModelFormat.OutputFor(task),
        };
        foreach (var (key, field) in Fields)
            if (metadata.TryGetValue(key, out string? value)) card[field] = Parsed(value);
        return card.ToJsonString(Indented);
    }

    /// <summary>A card's metric, e.g. <c>test_accuracy</c>; null when the card has none of that name.</summary>
    public static double? Metric(string cardPath, string name)
    {
        var card = Read(cardPath);
        return card["metrics"]?[name] is JsonValue value && value.TryGetValue(out double number) ? number : null;
    }

    public static JsonObject Read(string cardPath)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(cardPath)) as JsonObject
                ?? throw new InvalidDataException($"{cardPath}: a model card is a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{cardPath}: not a model card ({e.Message})");
        }
    }

    /// <summary>JSON values (arrays, objects, numbers) as nodes; plain strings as strings.</summary>
    private static JsonNode? Parsed(string? value)
    {
        if (value is null) return null;
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return JsonValue.Create(value); }
    }
}
