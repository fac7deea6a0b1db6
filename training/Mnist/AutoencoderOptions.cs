namespace Toolkit.Training.Mnist;

/// <summary>
/// Hyperparameters of one autoencoder run. The reference recipe is the default: Adam lr 1e-3, full batch
/// (all 60,000 images per step), 500 steps. With <see cref="BatchSize"/> set, <see cref="Steps"/> counts
/// mini-batch steps over shuffled epochs.
/// </summary>
public sealed record AutoencoderOptions
{
    public AutoencoderKind Kind { get; init; } = AutoencoderKind.Linear;
    public int Hidden { get; init; } = 32;
    public int Steps { get; init; } = 500;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>Images per step; null is the full training set.</summary>
    public int? BatchSize { get; init; }
    /// <summary>Cosine decay of the learning rate to zero over the steps; off in the reference recipe.</summary>
    public bool Cosine { get; init; }
    public int Seed { get; init; } = 1;
    public int Threads { get; init; }
}
