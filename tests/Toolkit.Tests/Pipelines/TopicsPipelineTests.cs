using Toolkit.Format;
using Toolkit.Inference.Topics;
using Toolkit.Pipelines.Outputs;
using Toolkit.Pipelines.Topics;
using Toolkit.Tests.Topics;
using Toolkit.Training.Topics;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>
/// The topic-model workflow end to end on a tiny two-theme corpus: train → run folder and ONNX encoder with its card →
/// ONNX Runtime inference on a text; the card records the run's NPMI, and the run folder is not replaced unasked.
/// </summary>
[Collection(SerialTorchCollection.Name)]
public sealed class TopicsPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void TrainWriteInferAndRefuseToReplace()
    {
        var corpus = TwoThemeCorpus.Create();
        var options = new VaeOptions { Topics = 2, Hidden = 8, BatchSize = 8, MaxEpochs = 3, Patience = 5, AnnealSteps = 4, TopWords = 4, Threads = 1 };
        string folder = _folder.File("run");
        string model = _folder.File(Path.Combine("models", "topics.onnx"));

        var result = TopicsTraining.Run(corpus, options, folder, model, force: false);

        Assert.Equal([Path.Combine(folder, TopicsTraining.ModelFile), model], result.Models);
        Assert.True(File.Exists(Path.Combine(folder, TopicsRun.RunFile)));
        Assert.Equal(Math.Round(result.Training.MeanNpmi, 4), ModelCard.Metric(ModelFormat.CardPath(model), "mean_npmi"));
        Assert.False(File.Exists(ModelFormat.GradientGraphPath(model)));
        using (var inference = new TopicInference(model))
        {
            var mix = inference.Infer("rocket orbit launch moon rocket");
            Assert.Equal(5, mix.KnownTokens);
            Assert.Equal(1.0, mix.Topics.Sum(t => t.Proportion), 4);
        }

        var again = Assert.Throws<OverwriteException>(() => TopicsTraining.Run(corpus, options, folder, model, force: false));
        Assert.Contains(folder, again.Message);
        Assert.Contains(OutputGuard.ForceOption, again.Message);
    }

    public void Dispose() => _folder.Dispose();
}
