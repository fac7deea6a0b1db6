using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Conv with constant weights: the input gradient is ConvTranspose of the output gradient with the same weight,
/// strides, pads, dilations and group. Where a stride leaves input rows over at the end, output_padding adds
/// them back so the result has exactly the input's shape.
/// </summary>
public static class ConvGradient
{
    public static void Derive(NodeProto node, string dY, BackwardGraph graph)
    {
        string x = node.Input[0], w = node.Input[1];
        if (node.Input.Skip(1).Any(graph.DependsOnInput)) throw graph.Unsupported(node, "its weights or bias depend on the input");
        var weightShape = graph.Shapes.Of(w) ?? throw graph.Unsupported(node, $"the shape of weight '{w}' is unknown");
        var inputShape = graph.Shapes.Of(x) ?? throw graph.Unsupported(node, $"the static shape of '{x}' is unknown");

        var window = Window.Of(node, weightShape[2..]);
        long[] spatial = inputShape[2..];
        long[] outputPadding = OutputPadding(window, spatial);
        if (outputPadding.Any(p => p < 0 || p >= Math.Max(window.Strides.Max(), window.Dilations.Max())))
            throw graph.Unsupported(node, $"cannot reproduce input size [{string.Join(", ", spatial)}] with ConvTranspose");

        graph.AddGradient(x, graph.Emit("ConvTranspose", [dY, w], "conv_grad",
            Ints("kernel_shape", window.Kernel),
            Ints("strides", window.Strides),
            Ints("pads", window.Pads),
            Ints("dilations", window.Dilations),
            Int("group", node.GetInt("group", 1)),
            Ints("output_padding", outputPadding)));
    }

    /// <summary>Input size minus what ConvTranspose would produce without output padding.</summary>
    private static long[] OutputPadding(Window window, long[] spatial)
    {
        long[] outputSizes = window.OutputSizes(spatial);
        return spatial.Select((size, axis) =>
            size - (window.Strides[axis] * (outputSizes[axis] - 1) + window.Extent(axis) - window.PadsAround(axis))).ToArray();
    }
}
