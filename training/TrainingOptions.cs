namespace Toolkit.Training;

public enum OptimizerKind { Adam, Sgd }

public enum LearningRateSchedule { Constant, Cosine }

/// <summary>How one network is trained; together with the network config this reproduces a run.</summary>
public sealed record TrainingOptions
{
    public double LearningRate { get; init; } = 1e-3;
    public int Epochs { get; init; } = 12;
    public int BatchSize { get; init; } = 512;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; }
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;
    public bool FlipAugment { get; init; }
    public long Seed { get; init; } = 1;

    /// <summary>The learning rate for a 0-based epoch under the schedule.</summary>
    public double LearningRateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * epoch / Epochs)),
        _ => LearningRate,
    };
}
