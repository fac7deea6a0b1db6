using Onnx;
using Toolkit.Export.Gradients;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Export.Import;

/// <summary>
/// Loads a pretrained ResNet ONNX graph (convolutions and batch norms, as in Microsoft.ML.DnnImageFeaturizer's
/// ResNet18) into TorchVision's <see cref="ResNet"/>: the stem, then each residual block's conv1/bn1, conv2/bn2
/// and downsample.0/.1, matched by the graph's structure, with every shape and window attribute checked.
/// BN scale, bias, mean and variance load as they are; a conv bias, which TorchVision's convs lack, is moved
/// into the BN's running mean (BN(conv + b) with mean m equals BN(conv) with mean m - b). The final fc is not
/// touched: the ONNX graph ends at the pooled features.
/// </summary>
public static class PretrainedResNetImporter
{
    public const double TorchVisionBatchNormEpsilon = 1e-5;

    /// <summary>The ResNet for the graph, with <paramref name="classes"/> outputs in a new, untrained fc.</summary>
    public static ResNet Create(ResNetOnnxGraph graph, int classes, bool reverseInputChannels)
    {
        var resnet = Training.Transfer.ResNetBuilder.BasicBlocks(graph.StageBlocks(), classes);
        LoadInto(resnet, graph, reverseInputChannels);
        return resnet;
    }

    /// <summary>
    /// Copies the weights; <paramref name="reverseInputChannels"/> flips the stem's input channels, so a graph
    /// trained on BGR images (CNTK's and Caffe's order) takes RGB. Returns the number of tensors loaded.
    /// </summary>
    public static int LoadInto(ResNet resnet, ResNetOnnxGraph graph, bool reverseInputChannels)
    {
        var modules = resnet.named_modules().ToDictionary(m => m.name, m => m.module);
        int[] stages = graph.StageBlocks();
        int loaded = 0;
        using var noGrad = torch.no_grad();

        loaded += Load(modules, "conv1", "bn1", graph.Stem, graph, reverseInputChannels);
        int blockIndex = 0;
        for (int stage = 0; stage < stages.Length; stage++)
            for (int block = 0; block < stages[stage]; block++)
            {
                var nodes = graph.Blocks[blockIndex++];
                string prefix = $"layer{stage + 1}.{block}";
                if (!modules.ContainsKey(prefix))
                    throw new InvalidDataException($"the ONNX graph has block {prefix} (stages [{string.Join(", ", stages)}]) but the ResNet does not");
                loaded += Load(modules, $"{prefix}.conv1", $"{prefix}.bn1", nodes.First, graph, false);
                loaded += Load(modules, $"{prefix}.conv2", $"{prefix}.bn2", nodes.Second, graph, false);
                bool torchHasShortcut = modules.ContainsKey($"{prefix}.downsample.0");
                if (torchHasShortcut != nodes.Shortcut is not null)
                    throw new InvalidDataException($"{prefix}: the ONNX block {(nodes.Shortcut is null ? "has no" : "has a")} shortcut conv, the ResNet block {(torchHasShortcut ? "has" : "has not")}");
                if (nodes.Shortcut is { } shortcut)
                    loaded += Load(modules, $"{prefix}.downsample.0", $"{prefix}.downsample.1", shortcut, graph, false);
            }
        int torchBlocks = modules.Keys.Count(k => k.StartsWith("layer") && k.Count(c => c == '.') == 1);
        if (torchBlocks != graph.Blocks.Count)
            throw new InvalidDataException($"the ResNet has {torchBlocks} blocks, the ONNX graph {graph.Blocks.Count}");
        return loaded;
    }

    private static int Load(Dictionary<string, nn.Module> modules, string convName, string bnName, ConvBatchNorm nodes, ResNetOnnxGraph graph, bool reverseInputChannels)
    {
        var conv = Module<Conv2d>(modules, convName);
        var bn = Module<BatchNorm2d>(modules, bnName);
        CheckWindow(conv, convName, nodes.Conv);

        var weight = Values(graph, nodes.Conv.Input[1], conv.weight!.shape, convName + ".weight");
        if (reverseInputChannels) weight = weight.flip(1);
        conv.weight.copy_(weight);

        float epsilon = nodes.BatchNorm.GetFloat("epsilon", 1e-5f);
        if (Math.Abs(epsilon - TorchVisionBatchNormEpsilon) > 1e-9)
            throw new InvalidDataException($"{bnName}: the ONNX batch norm '{nodes.BatchNorm.Name}' has epsilon {epsilon}, TorchVision uses {TorchVisionBatchNormEpsilon}");
        long[] channel = [conv.weight.shape[0]];
        var mean = Values(graph, nodes.BatchNorm.Input[3], channel, bnName + ".running_mean");
        if (nodes.Conv.Input.Count > 2 && nodes.Conv.Input[2].Length > 0)
            mean = mean - Values(graph, nodes.Conv.Input[2], channel, convName + ".bias");
        bn.weight!.copy_(Values(graph, nodes.BatchNorm.Input[1], channel, bnName + ".weight"));
        bn.bias!.copy_(Values(graph, nodes.BatchNorm.Input[2], channel, bnName + ".bias"));
        bn.running_mean!.copy_(mean);
        bn.running_var!.copy_(Values(graph, nodes.BatchNorm.Input[4], channel, bnName + ".running_var"));
        return 6;
    }

    /// <summary>
    /// Strides, dilations and group must match; ONNX pads may be asymmetric [top, left, bottom, right] (CNTK pads
    /// one less at the end of stride-2 windows). PyTorch pads both ends alike; on even input sizes the extra end
    /// row is never reached by a window, so the results agree as long as the leading pads match.
    /// </summary>
    private static void CheckWindow(Conv2d conv, string name, NodeProto node)
    {
        long[] strides = node.GetInts("strides", [1, 1]);
        long[] pads = node.GetInts("pads", [0, 0, 0, 0]);
        long[] dilations = node.GetInts("dilations", [1, 1]);
        long[] torchStride = [conv.stride[0], conv.stride[^1]];
        long[] torchPad = conv.padding is null ? [0, 0] : [conv.padding[0], conv.padding[^1]];
        long[] torchDilation = [conv.dilation[0], conv.dilation[^1]];
        string why = !strides.SequenceEqual(torchStride) ? $"strides [{string.Join(", ", strides)}] vs [{string.Join(", ", torchStride)}]"
            : !dilations.SequenceEqual(torchDilation) ? $"dilations [{string.Join(", ", dilations)}] vs [{string.Join(", ", torchDilation)}]"
            : node.GetInt("group", 1) != conv.groups ? $"group {node.GetInt("group", 1)} vs {conv.groups}"
            : pads[0] != torchPad[0] || pads[1] != torchPad[1] ? $"leading pads [{pads[0]}, {pads[1]}] vs [{torchPad[0]}, {torchPad[1]}]"
            : Enumerable.Range(0, 2).Any(i => pads[2 + i] != torchPad[i] && pads[2 + i] != torchPad[i] - 1)
                ? $"trailing pads [{pads[2]}, {pads[3]}] for padding [{torchPad[0]}, {torchPad[1]}]"
            : node.GetString("auto_pad", "NOTSET") is not ("NOTSET" or "") ? "auto_pad" : "";
        if (why.Length > 0) throw new InvalidDataException($"{name}: ONNX Conv '{node.Name}' does not match the TorchVision conv: {why}");
    }

    private static Tensor Values(ResNetOnnxGraph graph, string initializer, long[] expected, string target)
    {
        var proto = graph.Initializer(initializer);
        long[] shape = proto.Dims.ToArray();
        if (!shape.SequenceEqual(expected))
            throw new InvalidDataException($"{target}: initializer '{initializer}' is [{string.Join(", ", shape)}], expected [{string.Join(", ", expected)}]");
        return torch.tensor(OnnxWeightImporter.FloatValues(proto), shape);
    }

    private static T Module<T>(Dictionary<string, nn.Module> modules, string name) where T : nn.Module =>
        modules.TryGetValue(name, out var module)
            ? module as T ?? throw new InvalidDataException($"ResNet module '{name}' is a {module.GetType().Name}, not a {typeof(T).Name}")
            : throw new InvalidDataException($"the ResNet has no module '{name}'");
}
