namespace Toolkit.Training;

public enum OptimizerKind { Adam, Sgd }

public enum LearningRateSchedule { Constant, Cosine, OneCycle }

/// <summary>How one network is trained; together with the network config this reproduces a run.</summary>
public sealed record TrainingOptions
{
    /// <summary>The share of training over which <see cref="LearningRateSchedule.OneCycle"/> rises to its peak.</summary>
    public const double WarmupShare = 0.2;

    public double LearningRate { get; init; } = 1e-3;
    public int Epochs { get; init; } = 12;
    public int BatchSize { get; init; } = 512;
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;
    public double Momentum { get; init; } = 0.9;
    public bool Nesterov { get; init; }
    public double WeightDecay { get; init; }
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;
    public bool FlipAugment { get; init; }

    /// <summary>Random shifts of up to this many pixels each way (reflected borders); 0 for none.</summary>
    public int TranslateAugment { get; init; }

    /// <summary>The share of the target probability spread evenly over all classes in the loss.</summary>
    public double LabelSmoothing { get; init; }

    public long Seed { get; init; } = 1;

    /// <summary>
    /// The learning rate after <paramref name="epochs"/> epochs of training (fractional within an epoch). Constant
    /// and cosine change once per epoch; one-cycle rises linearly from a tenth of the peak over the first
    /// <see cref="WarmupShare"/> of training, then falls linearly to zero, batch by batch.
    /// </summary>
    public double LearningRateAt(double epochs) => Schedule switch
    {
        LearningRateSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * Math.Floor(epochs) / Epochs)),
        LearningRateSchedule.OneCycle => LearningRate * OneCycleFactor(epochs / Epochs),
        _ => LearningRate,
    };

    private static double OneCycleFactor(double progress) => progress < WarmupShare
        ? 0.1 + 0.9 * progress / WarmupShare
        : Math.Max(0, (1 - progress) / (1 - WarmupShare));
}
