namespace Toolkit.Training.Cifar;

/// <summary>
/// The shape of one CIFAR-10 network. <see cref="Hidden"/> is M (mlp hidden units, conv filters),
/// <see cref="Pool"/> is N for conv and p for lenet, O1..O4 are lenet's channel and unit counts and fast's four
/// stage widths.
/// </summary>
public sealed record CifarNetConfig
{
    public CifarArchitecture Arch { get; init; }
    public int Hidden { get; init; } = 200;
    public int Kernel { get; init; } = 5;
    public int Pool { get; init; }
    public int O1 { get; init; } = 173;
    public int O2 { get; init; } = 134;
    public int O3 { get; init; } = 175;
    public int O4 { get; init; } = 113;

    /// <summary>Whether the exported graph averages the logits of each image and its mirror image; on by default for fast.</summary>
    public bool FlipAveraging { get; init; }

    /// <summary>Whether the network's first layer maps [0, 1] pixels to (p - 0.5) / 0.5; on by default for conv and lenet.</summary>
    public bool NormalizesInput { get; init; }

    public static CifarNetConfig Default(CifarArchitecture arch) => arch == CifarArchitecture.Fast
        ? new() { Arch = arch, Kernel = 3, Pool = 2, O1 = 16, O2 = 32, O3 = 64, O4 = 128, NormalizesInput = true, FlipAveraging = true }
        : new()
        {
            Arch = arch,
            Pool = arch == CifarArchitecture.Conv ? 8 : 3,
            NormalizesInput = arch is CifarArchitecture.Conv or CifarArchitecture.Lenet,
        };
}
