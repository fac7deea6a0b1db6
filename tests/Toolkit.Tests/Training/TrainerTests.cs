using Toolkit.Training;
using Toolkit.Training.Cifar;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "toolkit-trainer-" + Guid.NewGuid().ToString("N"));

    private static readonly TrainingOptions Options = new()
    {
        Optimizer = OptimizerKind.Adam, LearningRate = 1e-3, BatchSize = 16, Epochs = 4, Seed = 7,
    };

    [Fact]
    public void LossDecreasesOnALearnableSet()
    {
        using var train = SyntheticImages.Create(96, seed: 1);
        using var validation = SyntheticImages.Create(30, seed: 2);

        var history = Train(Options, train, validation, Path.Combine(folder, "a.bin"));

        Assert.Equal(4, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss, $"loss {history[0].TrainLoss} -> {history[^1].TrainLoss}");
        Assert.True(history[^1].ValidationAccuracy > 0.6, $"validation accuracy {history[^1].ValidationAccuracy}");
    }

    [Fact]
    public void ResumeContinuesFromTheSavedEpochAndMatchesAnUninterruptedRun()
    {
        using var train = SyntheticImages.Create(96, seed: 1);
        using var validation = SyntheticImages.Create(30, seed: 2);
        string interrupted = Path.Combine(folder, "interrupted.bin");

        var firstPart = Train(Options with { Epochs = 2 }, train, validation, interrupted);
        var resumed = Train(Options, train, validation, interrupted);
        var straight = Train(Options, train, validation, Path.Combine(folder, "straight.bin"));

        Assert.Equal(2, firstPart.Count);
        Assert.Equal(4, resumed.Count);
        Assert.Equal(firstPart[1].TrainLoss, resumed[1].TrainLoss);
        Assert.Equal(straight[^1].TrainLoss, resumed[^1].TrainLoss, 4);
        Assert.Equal(straight[^1].ValidationAccuracy, resumed[^1].ValidationAccuracy, 4);
    }

    private static IReadOnlyList<EpochMetrics> Train(TrainingOptions options, Toolkit.Training.Data.ImageTensors train,
        Toolkit.Training.Data.ImageTensors validation, string checkpoint)
    {
        var spec = new CifarRunSpec { Net = CifarNetConfig.Default(CifarArchitecture.Logreg), Training = options, Device = "cpu" };
        using var model = CifarRun.CreateModel(spec, CPU);
        return new Trainer(model, options, CPU).Train(train, validation, checkpoint, SilentProgress.Instance);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
