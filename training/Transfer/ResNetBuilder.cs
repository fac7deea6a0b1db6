using System.Reflection;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Transfer;

/// <summary>
/// TorchVision's <see cref="ResNet"/> with basic (two 3x3 conv) blocks and any number of blocks per stage:
/// [2, 2, 2, 2] is torchvision's resnet18. Pretrained graphs do not always follow that count (the ONNX ResNet18
/// of Microsoft.ML.DnnImageFeaturizer has three blocks in its last stage), so the count comes from the caller.
/// </summary>
public static class ResNetBuilder
{
    public static readonly int[] ResNet18Stages = [2, 2, 2, 2];

    public static ResNet BasicBlocks(IReadOnlyList<int> stageBlocks, int classes)
    {
        if (stageBlocks.Count != 4 || stageBlocks.Any(b => b < 1))
            throw new ArgumentException($"a ResNet has 4 stages of at least one block each, not [{string.Join(", ", stageBlocks)}]");
        // TorchVision keeps its BasicBlock class internal; resnet18() passes its constructor, so does this.
        var blockType = typeof(ResNet).GetNestedType("BasicBlock", BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new MissingMemberException("TorchVision's ResNet has no nested BasicBlock class in this version");
        ResNet.BlockFunc block = (inPlanes, planes, stride, downsample, groups, baseWidth, dilation, normLayer) =>
            (nn.Module<Tensor, Tensor>)Activator.CreateInstance(blockType, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
                null, [inPlanes, planes, stride, downsample, groups, baseWidth, dilation, normLayer], null)!;
        return new ResNet($"ResNet-{string.Join("-", stageBlocks)}", block, 1, stageBlocks.ToList(), classes, skipfc: false);
    }

    /// <summary>The pooled 512-d features: every child of the ResNet in order except the final <c>fc</c>.</summary>
    public static Tensor Features(ResNet resnet, Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var (name, child) in resnet.named_children())
        {
            if (name == "fc") break;
            x = ((nn.Module<Tensor, Tensor>)child).forward(x);
        }
        return x.MoveToOuterDisposeScope();
    }
}
