namespace Toolkit.Training.Cifar;

/// <summary>Everything that defines one CIFAR-10 training run.</summary>
public sealed record CifarRunSpec
{
    public required CifarNetConfig Net { get; init; }
    public required TrainingOptions Training { get; init; }
    public int? Subset { get; init; }
    public string Device { get; init; } = "auto";
}
