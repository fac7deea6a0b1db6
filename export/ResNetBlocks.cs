using Toolkit.Export.Ir;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Export;

/// <summary>
/// The TorchVision and TorchSharp modules whose forward is not a plain chain of children: ResNet's basic block
/// (out = relu1(bn1(conv1 x)); out = bn2(conv2 out) + downsample(x), or + x; then relu) and nearest Upsample.
/// </summary>
internal static class ResNetBlocks
{
    /// <summary>TorchVision keeps the class internal (TorchSharp.Modules.ResNet+BasicBlock), so it is matched by name.</summary>
    public static bool IsBasicBlock(nn.Module module) =>
        module.GetType() is { Name: "BasicBlock", DeclaringType: { } declaring } && declaring == typeof(ResNet);

    public static ResidualOp Walk(nn.Module block, string name, Func<nn.Module, string, List<LayerOp>> walk)
    {
        var children = block.named_children().ToDictionary(c => c.name, c => c.module);
        nn.Module Child(string child) => children.TryGetValue(child, out var module)
            ? module
            : throw new UnsupportedLayerException(name, "BasicBlock", $"it has no '{child}' (children: {string.Join(", ", children.Keys)})");

        var main = new List<LayerOp>();
        foreach (string child in new[] { "conv1", "bn1" }) main.AddRange(walk(Child(child), $"{name}.{child}"));
        main.Add(new ReluOp($"{name}.relu1"));
        foreach (string child in new[] { "conv2", "bn2" }) main.AddRange(walk(Child(child), $"{name}.{child}"));
        var shortcut = children.TryGetValue("downsample", out var downsample) ? walk(downsample, $"{name}.downsample") : [];
        var unknown = children.Keys.Except(["conv1", "bn1", "relu1", "conv2", "bn2", "downsample"]).ToList();
        if (unknown.Count > 0) throw new UnsupportedLayerException(name, "BasicBlock", $"unexpected children {string.Join(", ", unknown)}");
        return new ResidualOp(name, main, shortcut);
    }

    public static UpsampleNearestOp Upsample(Upsample upsample, string name)
    {
        if (upsample.mode != UpsampleMode.Nearest)
            throw new UnsupportedLayerException(name, nameof(Upsample), $"only nearest mode (here {upsample.mode})");
        if (upsample.size.Length > 0)
            throw new UnsupportedLayerException(name, nameof(Upsample), "a target size; give an integer scale_factor instead");
        double[] scale = upsample.scale_factor.ToArray();
        if (scale.Length is not (1 or 2) || scale.Any(s => s != scale[0]) || scale[0] < 1 || scale[0] != Math.Floor(scale[0]))
            throw new UnsupportedLayerException(name, nameof(Upsample), $"only one integer scale factor for both axes (here [{string.Join(", ", scale)}])");
        return new UpsampleNearestOp(name, (int)scale[0]);
    }
}
