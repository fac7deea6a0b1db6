using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Conv with constant weights: the input gradient is ConvTranspose of the output gradient with the same weight,
/// strides, pads, dilations and group. Where a stride leaves input rows over at the end, output_padding adds
/// them back so the result has exactly the input's shape. A stride-1, ungrouped Conv whose input has whole channel
/// blocks instead gets a Conv with the weight transposed and flipped: ONNX Runtime runs Conv in its blocked channel
/// layout, and ConvTranspose only as im2col and a matrix product (the fast network's gradient graph: 345-356 against
/// 432-466 ms per 256 images). Only where the convolution keeps the spatial size: otherwise the Conv form also
/// multiplies the padding zeros (lenet's 5x5 kernel on a 5x5 output: 3.2 times the arithmetic, and slower).
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

        if (window.OutputSizes(spatial).SequenceEqual(spatial) && FlippedWeight(graph, node, w, weightShape, window) is { } flipped)
        {
            // dX[i] = sum over k of dY[i + pad_begin - k * dilation] W[k]: a convolution of dY padded by extent - 1 - pad on each side.
            long[] pads = [.. Enumerable.Range(0, window.Rank).Select(a => window.Extent(a) - 1 - window.Pads[a]),
                           .. Enumerable.Range(0, window.Rank).Select(a => window.Extent(a) - 1 - window.Pads[window.Rank + a])];
            graph.AddGradient(x, graph.Emit("Conv", [dY, flipped], "conv_grad",
                Ints("kernel_shape", window.Kernel), Ints("pads", pads), Ints("dilations", window.Dilations)));
            return;
        }
        graph.AddGradient(x, graph.Emit("ConvTranspose", [dY, w], "conv_grad",
            Ints("kernel_shape", window.Kernel),
            Ints("strides", window.Strides),
            Ints("pads", window.Pads),
            Ints("dilations", window.Dilations),
            Int("group", node.GetInt("group", 1)),
            Ints("output_padding", outputPadding)));
    }

    /// <summary>
    /// The constant W'[c, o, a, b] = W[o, c, kh - 1 - a, kw - 1 - b] where the Conv form applies (stride 1, group 1,
    /// 2-D, input channels a multiple of <see cref="ChannelPadding.Block"/>, pads within the kernel's extent); else null.
    /// </summary>
    private static string? FlippedWeight(BackwardGraph graph, NodeProto node, string w, long[] shape, Window window)
    {
        if (window.Rank != 2 || window.Strides.Any(s => s != 1) || node.GetInt("group", 1) != 1) return null;
        if (shape[1] % ChannelPadding.Block != 0 || graph.Constant(w) is not { } weight) return null;
        if (Enumerable.Range(0, 2 * window.Rank).Any(i => window.Pads[i] > window.Extent(i % window.Rank) - 1)) return null;
        float[] values = Import.OnnxWeightImporter.FloatValues(weight);
        long filters = shape[0], channels = shape[1], kh = shape[2], kw = shape[3];
        var flipped = new float[values.Length];
        for (long o = 0; o < filters; o++)
            for (long c = 0; c < channels; c++)
                for (long a = 0; a < kh; a++)
                    for (long b = 0; b < kw; b++)
                        flipped[((c * filters + o) * kh + a) * kw + b] = values[((o * channels + c) * kh + kh - 1 - a) * kw + kw - 1 - b];
        return graph.FloatConstant("conv_grad_weight", [channels, filters, kh, kw], flipped);
    }

    /// <summary>Input size minus what ConvTranspose would produce without output padding.</summary>
    private static long[] OutputPadding(Window window, long[] spatial)
    {
        long[] outputSizes = window.OutputSizes(spatial);
        return spatial.Select((size, axis) =>
            size - (window.Strides[axis] * (outputSizes[axis] - 1) + window.Extent(axis) - window.PadsAround(axis))).ToArray();
    }
}
