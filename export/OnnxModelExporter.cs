using Onnx;
using Toolkit.Export.Ir;
using Toolkit.Training;
using static TorchSharp.torch;

namespace Toolkit.Export;

/// <summary>Exports a TorchSharp network as a self-contained ONNX file plus its model card.</summary>
public static class OnnxModelExporter
{
    /// <summary>
    /// The forward graph of a network walked layer by layer, its convolutions padded to whole channel blocks
    /// (<see cref="ChannelPadding"/>); with <paramref name="flipAveraging"/> it returns the mean
    /// of the network's logits on the image and on its mirror image (<see cref="FlipAveraging"/>).
    /// </summary>
    public static ModelProto Build(nn.Module model, ModelDescription description, long outputs, bool flipAveraging = false)
    {
        var ops = ModuleWalker.Walk(model);
        if (flipAveraging) ops = FlipAveraging.Wrap(ops, description.InputShape[^1]);
        var graph = OnnxGraphBuilder.Build(ops, description.InputShape[1..], outputs, description.MetadataProps(), description.OutputName);
        ChannelPadding.Apply(graph);
        return graph;
    }

    /// <summary>
    /// Replaces the metadata of a graph <see cref="Build"/> made with the final description's (e.g. once its metrics
    /// are measured on that very graph), so the network is walked and built once.
    /// </summary>
    public static ModelProto WithMetadata(ModelProto model, ModelDescription description)
    {
        model.MetadataProps.Clear();
        foreach (var (key, value) in description.MetadataProps()) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    /// <summary>The normalization the walked network applies first, or the identity for <paramref name="channels"/> channels.</summary>
    public static Normalization NormalizationOf(nn.Module model, int channels)
    {
        var first = ModuleWalker.Walk(model).FirstOrDefault();
        return first is NormalizeOp n
            ? new Normalization(n.Mean, n.Std)
            : new Normalization(Enumerable.Repeat(0f, channels).ToArray(), Enumerable.Repeat(1f, channels).ToArray());
    }
}
