using Toolkit.Pipelines.Attacks;
using Toolkit.Pipelines.Cifar;
using Toolkit.Pipelines.Evaluation;
using Toolkit.Pipelines.Topics;
using Toolkit.Pipelines.Transfer;
using Toolkit.Training;
using Toolkit.Training.Search;
using Toolkit.Training.Topics;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>The workflows' option records check themselves, with the messages the command line prints for the same values.</summary>
public sealed class WorkflowOptionsTests
{
    [Fact]
    public void DefaultOptionsHaveNoProblem()
    {
        Assert.Null(new AttackOptions { Out = "attack-out" }.Problem());
        Assert.Null(new EvaluationOptions().Problem());
        Assert.Null(new CifarTrainingOptions { Arch = "lenet" }.Problem());
        Assert.Null(new CorpusOptions().Problem());
        Assert.Null(TopicsTraining.Problem(new VaeOptions()));
        Assert.Null(Request(resolution: 64, batchSize: 64).Problem());
    }

    [Fact]
    public void AttackOptionsNameTheOptionAtFault()
    {
        Assert.Equal("--out is required", new AttackOptions().Problem());
        Assert.Equal("--batch 0: expected 1 to 16,384", new AttackOptions { Out = "a", Batch = 0 }.Problem());
        Assert.Equal("unknown attack 'cw'; expected fgsm or pgd", new AttackOptions { Out = "a", Method = "cw" }.Problem());
        Assert.Equal("--out a.onnx: expected a .png file name (the file is written as PNG)",
            new AttackOptions { Out = "a.onnx", Image = "missing.png" }.Problem());
    }

    [Fact]
    public void EvaluationRefusesAHeatmapThatIsNotAPng() =>
        Assert.Equal("--heatmap lenet.onnx: expected a .png file name (the file is written as PNG)",
            new EvaluationOptions { Heatmap = "lenet.onnx" }.Problem());

    [Fact]
    public void CifarTrainingChecksEveryValueOfAHyperparameter()
    {
        Assert.StartsWith("--arch resnet: expected logreg, ", new CifarTrainingOptions { Arch = "resnet" }.Problem());
        Assert.Equal("--momentum 1: expected 0 up to (not including) 1",
            new CifarTrainingOptions { Arch = "lenet", Hyperparameters = [ParameterSpec.Parse("momentum", "0.9,1")] }.Problem());
        Assert.Equal("--subset 0: expected 1 to 40,000", new CifarTrainingOptions { Arch = "lenet", Subset = 0 }.Problem());
    }

    [Fact]
    public void TopicOptionsNameTheOptionAtFault()
    {
        Assert.Equal("--max-doc-fraction 1.5: expected a fraction above 0 and at most 1", new CorpusOptions { MaxDocFraction = 1.5 }.Problem());
        Assert.Equal("--dropout 1: expected 0 up to (not including) 1", TopicsTraining.Problem(new VaeOptions { Dropout = 1 }));
    }

    [Fact]
    public void FineTuningNeedsAResolutionOfWholeBlocksAndBatchesOfTwo()
    {
        Assert.Equal("--resolution 48: expected a multiple of 32 from 32 to 1,024", Request(resolution: 48, batchSize: 64).Problem());
        Assert.Equal("--batch-size 1: expected 2 to 16,384 (batch norm trains on batch statistics)", Request(resolution: 64, batchSize: 1).Problem());
    }

    private static FineTuneRequest Request(int resolution, int batchSize) =>
        new("runs/x", null, null, resolution, Epochs: null, Subset: null, batchSize, 3e-4, LearningRateSchedule.Cosine, Flip: null, Seed: 1, "cpu", Threads: null, Pretrained: null);
}
