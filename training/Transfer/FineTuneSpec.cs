namespace Toolkit.Training.Transfer;

/// <summary>
/// A fine-tuning run of a pretrained ResNet on CIFAR-10: the network (stages of the pretrained graph, input
/// normalization, training resolution) and how it is trained. Stored in run.json; enough to rebuild the network
/// from the checkpoint without the pretrained file.
/// </summary>
public sealed record FineTuneSpec
{
    public required string Pretrained { get; init; }
    public required string PretrainedSha256 { get; init; }
    public required int[] StageBlocks { get; init; }
    public required float[] Mean { get; init; }
    public required float[] Std { get; init; }
    public int Resolution { get; init; } = 64;
    public int? Subset { get; init; }
    public string Device { get; init; } = "cpu";
    public int? Threads { get; init; }
    public required TrainingOptions Training { get; init; }
}
