using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Datasets.Text;
using Toolkit.Format;

namespace Toolkit.Inference.Topics;

/// <summary>One topic in a document's mix: its share of the document and its top words.</summary>
public sealed record TopicShare(int Topic, double Proportion, IReadOnlyList<string> Words);

/// <summary>A document's topic mix: every topic's share, largest first, and how many of its words the model knew.</summary>
public sealed record TopicMix(IReadOnlyList<TopicShare> Topics, int Tokens, int KnownTokens);

/// <summary>
/// Runs an exported topic-model encoder through ONNX Runtime: tokenises a text the way the model was trained
/// (from its metadata), counts the words of its vocabulary and reads the topic proportions.
/// </summary>
public sealed class TopicInference : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;

    public TopicInference(string modelPath)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"model not found: {modelPath}");
        _session = Sessions.SessionFactory.Open(modelPath, Sessions.ExecutionDevice.Cpu).Session;
        var meta = _session.ModelMetadata.CustomMetadataMap;
        if (!meta.TryGetValue(ModelFormat.Keys.Task, out string? task) || task != ModelFormat.Tasks.Topics)
            throw new InvalidOperationException($"{modelPath} is not a topic model ({ModelFormat.Keys.Task} is '{task ?? "missing"}')");
        Vocabulary = new Vocabulary(Parse<string[]>(meta, ModelFormat.Keys.Vocabulary, modelPath));
        TopicWords = Parse<string[][]>(meta, ModelFormat.Keys.TopicWords, modelPath);
        using var text = JsonDocument.Parse(meta.GetValueOrDefault(ModelFormat.Keys.Text, "{}"));
        Text = new TextOptions(text.RootElement.TryGetProperty("stripHeaders", out var strip) && strip.GetBoolean());
        _inputName = _session.InputMetadata.Keys.Single();
    }

    public Vocabulary Vocabulary { get; }
    public IReadOnlyList<IReadOnlyList<string>> TopicWords { get; }
    public TextOptions Text { get; }

    public TopicMix Infer(string text)
    {
        var tokens = Text.Tokens(text);
        var bag = BagOfWords.Build([tokens], Vocabulary);
        var input = new DenseTensor<float>(bag.DenseRow(0), [1, Vocabulary.Count]);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        float[] proportions = results[0].AsEnumerable<float>().ToArray();
        var shares = proportions.Select((p, t) => new TopicShare(t, p, t < TopicWords.Count ? TopicWords[t] : []))
            .OrderByDescending(s => s.Proportion).ToList();
        return new TopicMix(shares, tokens.Count, (int)bag.Counts.Sum());
    }

    private static T Parse<T>(IReadOnlyDictionary<string, string> meta, string key, string path) =>
        meta.TryGetValue(key, out string? json) ? JsonSerializer.Deserialize<T>(json)
            ?? throw new InvalidOperationException($"{path}: metadata {key} is empty")
            : throw new InvalidOperationException($"{path} has no metadata {key}");

    public void Dispose() => _session.Dispose();
}
