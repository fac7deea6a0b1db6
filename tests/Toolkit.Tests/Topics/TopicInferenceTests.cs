using Microsoft.ML.OnnxRuntime;
using Toolkit.Datasets.Text;
using Toolkit.Export.Topics;
using Toolkit.Format;
using Toolkit.Inference.Topics;
using Toolkit.Tests.Datasets.Fixtures;
using Toolkit.Training.Topics;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Topics;

public sealed class TopicInferenceTests : TempFolderTest
{
    private static readonly string[] Words = ["apple", "banana", "cherry", "rocket", "orbit", "moon"];
    private static readonly string[][] TopicWords = [["apple", "banana"], ["rocket", "orbit"], ["cherry", "moon"]];

    private static TopicVae TinyModel()
    {
        torch.manual_seed(11);
        var model = new TopicVae(Words.Length, hidden: 5, topics: 3, decoderBatchNorm: true, encoderBatchNorm: true);
        // A few forward passes in training mode give the batch norms running statistics to fold into the export.
        using (no_grad())
            for (int i = 0; i < 3; i++)
            {
                using var x = torch.randint(0, 4, [8, Words.Length]).to(ScalarType.Float32);
                model.Terms(x);
            }
        model.eval();
        return model;
    }

    [Fact]
    public void InferGivesTheEncodersTopicMixThroughOnnxRuntime()
    {
        using var model = TinyModel();
        string path = Temp.File("topics.onnx");
        EncoderExporter.Export(model, Words, TopicWords, stripHeaders: true, path,
            new Dictionary<string, string> { [ModelFormat.Keys.Dataset] = "tiny" });

        const string document = "Subject: Apple pie\n\nApple, banana and a rocket to orbit. Nothing else matters.";
        using var inference = new TopicInference(path);
        var mix = inference.Infer(document);

        var counts = BagOfWords.Build([new TextOptions(true).Tokens(document)], new Vocabulary(Words)).DenseRow(0);
        Assert.Equal([2f, 1f, 0f, 1f, 1f, 0f], counts);
        using var expected = model.TopicProportions(tensor(counts, [1, Words.Length]));
        float[] torchProportions = expected.data<float>().ToArray();

        Assert.Equal(3, mix.Topics.Count);
        Assert.Equal(5, mix.KnownTokens);
        foreach (var share in mix.Topics)
        {
            Assert.Equal(torchProportions[share.Topic], share.Proportion, 5);
            Assert.Equal(TopicWords[share.Topic], share.Words);
        }
        Assert.Equal(1.0, mix.Topics.Sum(t => t.Proportion), 5);
        Assert.True(mix.Topics[0].Proportion >= mix.Topics[1].Proportion);
    }

    [Fact]
    public void ExportedModelFollowsTheModelFileContract()
    {
        using var model = TinyModel();
        string path = Temp.File("topics.onnx");
        EncoderExporter.Export(model, Words, TopicWords, stripHeaders: false, path);

        using var session = new InferenceSession(path);
        var meta = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal("topics", meta[ModelFormat.Keys.Task]);
        Assert.Equal("[-1,6]", meta[ModelFormat.Keys.InputShape]);
        Assert.Equal("input", session.InputMetadata.Keys.Single());
        Assert.Equal([-1, 6], session.InputMetadata["input"].Dimensions);
        Assert.Equal("topics", session.OutputMetadata.Keys.Single());
        Assert.True(File.Exists(Temp.File("topics.json")));
        using var inference = new TopicInference(path);
        Assert.False(inference.Text.StripHeaders);
    }

    [Fact]
    public void RejectsAModelThatIsNotATopicModel()
    {
        string path = Temp.Write("other.onnx", [1, 2, 3]);
        Assert.ThrowsAny<Exception>(() => new TopicInference(path));
    }
}
