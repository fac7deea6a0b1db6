using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>The sliding-window attributes shared by Conv and the pooling ops, with ONNX's defaults filled in.</summary>
public sealed record Window(long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, bool CeilMode)
{
    public int Rank => Kernel.Length;

    public static Window Of(NodeProto node, long[] kernel)
    {
        kernel = node.GetInts("kernel_shape", kernel);
        int rank = kernel.Length;
        string autoPad = node.GetString("auto_pad", "NOTSET");
        if (autoPad is not ("NOTSET" or "VALID"))
            throw new GradientExportException($"{node.OpType} node '{node.Name}': auto_pad {autoPad} is not supported; export explicit pads");
        return new Window(
            kernel,
            node.GetInts("strides", Ones(rank)),
            node.GetInts("pads", new long[2 * rank]),
            node.GetInts("dilations", Ones(rank)),
            node.GetInt("ceil_mode", 0) == 1);
    }

    public long Extent(int axis) => (Kernel[axis] - 1) * Dilations[axis] + 1;

    public long PadsAround(int axis) => Pads[axis] + Pads[Rank + axis];

    public long[] OutputSizes(long[] inputSizes) => inputSizes.Select((size, axis) => OutputSize(size, axis)).ToArray();

    private long OutputSize(long size, int axis)
    {
        long span = size + PadsAround(axis) - Extent(axis);
        long count = (CeilMode ? (span + Strides[axis] - 1) / Strides[axis] : span / Strides[axis]) + 1;
        // With ceil_mode, a last window that would start inside the end padding is dropped.
        if (CeilMode && (count - 1) * Strides[axis] >= size + Pads[axis]) count--;
        return count;
    }

    private static long[] Ones(int rank) => Enumerable.Repeat(1L, rank).ToArray();
}
