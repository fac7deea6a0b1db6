using Toolkit.Training.Cifar;
using Toolkit.Training.Transfer;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Tests.Transfer;

/// <summary>
/// Small ResNet-like networks with seeded random weights and batch-norm statistics (fresh batch norms are the
/// identity, which would test nothing): TorchVision's ResNet with one basic block per stage (identity shortcut in
/// stage 1, conv-BN downsample in stages 2-4), alone or behind the fine-tuning input stage (normalize, upsample), and
/// the fast CIFAR-10 network at small widths (the toolkit's own Residual blocks, pooling before batch norm).
/// </summary>
public static class RandomResNets
{
    public static IReadOnlyList<string> Names => ["resnet", "finetune-x2", "fast"];

    public static nn.Module<Tensor, Tensor> Create(string name, int seed = 5)
    {
        manual_seed(seed);
        nn.Module<Tensor, Tensor> model = name switch
        {
            "resnet" => ResNetBuilder.BasicBlocks([1, 1, 1, 1], 10),
            "finetune-x2" => FineTuneNet.Build(ResNetBuilder.BasicBlocks([1, 1, 1, 1], 10), [0.48f, 0.45f, 0.40f], [0.25f, 0.24f, 0.26f], resolution: 64),
            "fast" => CifarNets.Build(CifarNetConfig.Default(CifarArchitecture.Fast) with { O1 = 8, O2 = 16, O3 = 16, O4 = 32 }),
            _ => throw new ArgumentException($"unknown test network {name}"),
        };
        Randomize(model);
        model.eval();
        return model;
    }

    public static void Randomize(nn.Module model)
    {
        using var noGrad = no_grad();
        foreach (var (_, module) in model.named_modules())
            if (module is BatchNorm2d bn)
            {
                bn.weight!.copy_(rand(bn.weight.shape) + 0.5);
                bn.bias!.copy_(randn(bn.bias.shape) * 0.1);
                bn.running_mean!.copy_(randn(bn.running_mean.shape) * 0.1);
                bn.running_var!.copy_(rand(bn.running_var.shape) + 0.5);
            }
    }
}
