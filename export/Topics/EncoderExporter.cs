using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Toolkit.Format;
using Toolkit.Training.Topics;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Topics;

/// <summary>
/// Writes the encoder of a <see cref="TopicVae"/> as ONNX (opset 17, IR 8): a bag of word counts <c>input</c>
/// [batch, V] goes through Gemm, Relu, Gemm, Relu, Gemm (mu) and Softmax to <c>topics</c> [batch, T], the topic
/// proportions theta = softmax(mu) without noise. metadata_props carry the vocabulary, the tokenisation, each
/// topic's top words and the metrics, so ONNX Runtime alone can turn a text into its topic mix. A model card
/// (<c>NAME.json</c>) beside it holds the same metadata.
/// </summary>
public static class EncoderExporter
{
    public const string InputName = ModelFormat.Names.Input;
    public const string OutputName = ModelFormat.Names.Topics;

    /// <param name="metadata">Extra metadata_props, e.g. the data set, metrics and run (<see cref="ModelFormat.Keys"/>).</param>
    public static WrittenModel Export(TopicVae model, IReadOnlyList<string> vocabulary, IReadOnlyList<IReadOnlyList<string>> topicWords,
        bool stripHeaders, string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (vocabulary.Count != model.Vocabulary)
            throw new ArgumentException($"the vocabulary has {vocabulary.Count} words, the model {model.Vocabulary}");
        var graph = new GraphProto { Name = "topics_vae_encoder" };
        graph.Input.Add(Value(InputName, TensorProto.Types.DataType.Float, "batch", model.Vocabulary));
        graph.Output.Add(Value(OutputName, TensorProto.Types.DataType.Float, "batch", model.Topics));

        string current = InputName;
        var layers = model.EncoderLayers();
        for (int i = 0; i < layers.Count; i++)
        {
            var (weight, outputs, inputs, bias) = layers[i];
            string w = $"encoder.{i}.weight", b = $"encoder.{i}.bias", y = i == layers.Count - 1 ? "mu" : $"encoder.{i}.linear";
            graph.Initializer.Add(RawFloatTensor(w, [outputs, inputs], weight));
            graph.Initializer.Add(RawFloatTensor(b, [outputs], bias));
            graph.Node.Add(Node("Gemm", $"gemm_{i}", [current, w, b], [y], Int("transB", 1)));
            current = y;
            if (i == layers.Count - 1) break;
            graph.Node.Add(Node("Relu", $"relu_{i}", [current], [current = $"encoder.{i}.relu"]));
        }
        graph.Node.Add(Node("Softmax", "softmax", [current], [OutputName], Int("axis", 1)));

        var onnxModel = new ModelProto
        {
            IrVersion = 8, ProducerName = "toolkit", ProducerVersion = "1", Graph = graph,
            DocString = "VAE topic model encoder: bag of word counts in, topic proportions softmax(mu) out",
        };
        onnxModel.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });

        var props = new Dictionary<string, string>
        {
            [ModelFormat.Keys.Task] = ModelFormat.Tasks.Topics,
            [ModelFormat.Keys.Arch] = "vae",
            [ModelFormat.Keys.InputLayout] = "NF",
            [ModelFormat.Keys.InputShape] = $"[-1,{model.Vocabulary}]",
            [ModelFormat.Keys.Vocabulary] = JsonSerializer.Serialize(vocabulary),
            [ModelFormat.Keys.TopicWords] = JsonSerializer.Serialize(topicWords),
            [ModelFormat.Keys.Text] = JsonSerializer.Serialize(new { lowercase = true, minLength = 3, alphabetic = true, stripHeaders }),
        };
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) props[key] = value;
        foreach (var (key, value) in props) onnxModel.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

        return ModelFiles.Write(onnxModel, path);
    }
}
