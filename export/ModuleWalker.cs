using Toolkit.Export.Ir;
using Toolkit.Training.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Export;

/// <summary>
/// Walks a TorchSharp module tree (Sequential containers, Linear, Conv2d, ReLU, MaxPool2d, Flatten,
/// Dropout, the toolkit's Normalize and Residual, BatchNorm2d with its running statistics, nearest Upsample by an integer
/// factor, AdaptiveAvgPool2d to 1x1, and TorchVision's ResNet with basic blocks) into the list of layer ops an
/// ONNX graph is built from; a residual block is one op holding its two paths.
/// </summary>
public static class ModuleWalker
{
    public static IReadOnlyList<LayerOp> Walk(nn.Module module)
    {
        var ops = new List<LayerOp>();
        Visit(module, "model", ops);
        return ops;
    }

    private static void Visit(nn.Module module, string name, List<LayerOp> ops)
    {
        switch (module)
        {
            case Sequential or ResNet:
                // TorchVision's ResNet registers its children in the order its forward applies them:
                // conv1, bn1, relu, maxpool, layer1..layer4, avgpool, flatten, fc.
                foreach (var (childName, child) in module.named_children())
                    Visit(child, name == "model" ? childName : $"{name}.{childName}", ops);
                break;
            case nn.Module when ResNetBlocks.IsBasicBlock(module):
                ops.Add(ResNetBlocks.Walk(module, name, (child, childName) => WalkChild(child, childName)));
                ops.Add(new ReluOp(name + ".relu"));
                break;
            case Residual residual:
                ops.Add(new ResidualOp(name, WalkChild(residual.Body, name + ".body"), []));
                break;
            case BatchNorm2d bn:
                ops.Add(BatchNorm(bn, name));
                break;
            case Upsample upsample:
                ops.Add(ResNetBlocks.Upsample(upsample, name));
                break;
            case AdaptiveAvgPool2d pool:
                if (pool.output_size.Any(s => s != 1))
                    throw new UnsupportedLayerException(name, nameof(AdaptiveAvgPool2d), $"only output size 1x1 (here [{string.Join(", ", pool.output_size)}])");
                ops.Add(new GlobalAveragePoolOp(name));
                break;
            case Dropout:
                break; // identity at inference
            case Normalize normalize:
                ops.Add(new NormalizeOp(name, normalize.Mean, normalize.Std));
                break;
            case Linear linear:
                ops.Add(new LinearOp(name, Weight(linear.weight!), linear.bias is null ? null : Weight(linear.bias)));
                break;
            case Conv2d conv:
                ops.Add(Conv(conv, name));
                break;
            case MaxPool2d pool:
                ops.Add(new MaxPoolOp(name, Pair(pool.kernel_size), Pair(pool.stride ?? pool.kernel_size), Pads(pool.padding),
                    Pair(pool.dilation ?? [1]), pool.ceil_mode));
                break;
            case Flatten flatten:
                if (flatten.start_dim != 1 || flatten.end_dim != -1)
                    throw new UnsupportedLayerException(name, nameof(Flatten), $"only start_dim 1 to end_dim -1 (here {flatten.start_dim} to {flatten.end_dim})");
                ops.Add(new FlattenOp(name));
                break;
            case ReLU:
                ops.Add(new ReluOp(name));
                break;
            default:
                throw new UnsupportedLayerException(name, module.GetType().Name);
        }
    }

    private static List<LayerOp> WalkChild(nn.Module module, string name)
    {
        var ops = new List<LayerOp>();
        Visit(module, name, ops);
        return ops;
    }

    private static BatchNormOp BatchNorm(BatchNorm2d bn, string name)
    {
        if (bn.running_mean is null || bn.running_var is null)
            throw new UnsupportedLayerException(name, nameof(BatchNorm2d), "no running statistics (track_running_stats false)");
        long channels = bn.num_features;
        float[] Values(Tensor? t, float fallback) => t is null ? Enumerable.Repeat(fallback, (int)channels).ToArray() : Weight(t).Values;
        return new BatchNormOp(name, Values(bn.weight, 1f), Values(bn.bias, 0f), Values(bn.running_mean, 0f), Values(bn.running_var, 1f), bn.eps);
    }

    private static ConvOp Conv(Conv2d conv, string name)
    {
        if (conv.padding_type is Padding.Same)
            throw new UnsupportedLayerException(name, nameof(Conv2d), "padding 'same'");
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new UnsupportedLayerException(name, nameof(Conv2d), $"padding mode {conv.padding_mode}");
        return new ConvOp(name, Weight(conv.weight!), conv.bias is null ? null : Weight(conv.bias),
            Pair(conv.stride), Pads(conv.padding), Pair(conv.dilation), conv.groups);
    }

    /// <summary>TorchSharp's symmetric [h, w] padding as ONNX's [top, left, bottom, right].</summary>
    private static long[] Pads(long[]? padding)
    {
        var (h, w) = padding is null ? (0L, 0L) : (padding[0], padding[^1]);
        return [h, w, h, w];
    }

    /// <summary>A 2-D size as [h, w]; TorchSharp keeps a single value for square sizes.</summary>
    private static long[] Pair(long[] size) => [size[0], size[^1]];

    internal static WeightTensor Weight(Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        return new WeightTensor(cpu.shape, cpu.data<float>().ToArray());
    }
}
