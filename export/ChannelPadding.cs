using Onnx;
using Toolkit.Export.Import;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export;

/// <summary>
/// Pads the filter count of a convolution up to a multiple of ONNX Runtime's channel block (16 fp32 lanes with
/// AVX-512) with zero filters, and gives the next layer zero weights for the new channels, so the graph computes
/// the same function. ONNX Runtime's CPU layout optimizer runs a convolution in its blocked channel layout only when
/// the filter count is a multiple of the block; lenet's 173 filters fell back to im2col and a matrix product at a
/// fifth of the blocked kernel's speed. A padded channel is zero after the convolution (zero weights, zero bias),
/// stays zero through Relu and pooling, and meets zero weights in the next layer, so logits and input gradients
/// keep their values.
/// </summary>
public static class ChannelPadding
{
    public const int Block = 16;

    /// <summary>Channel-wise operators a padded zero channel passes through unchanged.</summary>
    private static readonly HashSet<string> ZeroPreserving = ["Relu", "MaxPool"];

    /// <summary>Pads every convolution it can; returns how many it padded.</summary>
    public static int Apply(ModelProto model, int block = Block)
    {
        var graph = model.Graph;
        int padded = 0;
        foreach (var conv in graph.Node.Where(n => n.OpType == "Conv").ToList())
            if (TryPad(graph, conv, block)) padded++;
        return padded;
    }

    private static bool TryPad(GraphProto graph, NodeProto conv, int block)
    {
        if (conv.GetInt("group", 1) != 1 || Initializer(graph, conv.Input[1]) is not { } weight) return false;
        long filters = weight.Dims[0], target = (filters + block - 1) / block * block;
        if (target == filters) return false;
        if (conv.Input.Count > 2 && Initializer(graph, conv.Input[2]) is null) return false;
        var next = NextLayer(graph, conv.Output[0]);
        if (next is null || !PadInputs(graph, next.Value.Node, next.Value.Flattened, filters, target)) return false;

        Replace(graph, weight, [target, .. weight.Dims.Skip(1)], WithZeros(OnnxWeightImporter.FloatValues(weight), target * Product(weight.Dims.Skip(1))));
        if (conv.Input.Count > 2 && Initializer(graph, conv.Input[2]) is { } bias)
            Replace(graph, bias, [target], WithZeros(OnnxWeightImporter.FloatValues(bias), target));
        return true;
    }

    /// <summary>
    /// The layer that reads the convolution's channels, past Relu and pooling: a Conv, or a Gemm behind Flatten;
    /// null where a tensor on the way has another reader or the reader is anything else.
    /// </summary>
    private static (NodeProto Node, bool Flattened)? NextLayer(GraphProto graph, string output)
    {
        if (graph.Output.Any(o => o.Name == output)) return null;
        var readers = graph.Node.Where(n => n.Input.Contains(output)).ToList();
        if (readers.Count != 1) return null;
        var reader = readers[0];
        if (ZeroPreserving.Contains(reader.OpType)) return NextLayer(graph, reader.Output[0]);
        if (reader.OpType == "Conv" && reader.Input[0] == output && reader.GetInt("group", 1) == 1) return (reader, false);
        if (reader.OpType == "Flatten" && reader.GetInt("axis", 1) == 1 && !graph.Output.Any(o => o.Name == reader.Output[0]))
        {
            var gemms = graph.Node.Where(n => n.Input.Contains(reader.Output[0])).ToList();
            if (gemms is [{ OpType: "Gemm" } gemm] && gemm.Input[0] == reader.Output[0] && gemm.GetInt("transA", 0) == 0) return (gemm, true);
        }
        return null;
    }

    /// <summary>Zero weights for the new channels in the next layer; false where its weight is not a constant of the expected shape.</summary>
    private static bool PadInputs(GraphProto graph, NodeProto next, bool flattened, long channels, long target)
    {
        if (Initializer(graph, next.Input[1]) is not { } weight) return false;
        var values = OnnxWeightImporter.FloatValues(weight);
        if (!flattened)
        {
            // Conv weight [M, C, kh, kw]: each filter gains zero planes for the new input channels.
            if (weight.Dims[1] != channels) return false;
            long plane = Product(weight.Dims.Skip(2));
            Replace(graph, weight, [weight.Dims[0], target, .. weight.Dims.Skip(2)], AppendPerRow(values, weight.Dims[0], channels * plane, target * plane));
            return true;
        }
        // Flatten is channel-major, so the new channels' features come after all others: zero columns (transB = 1)
        // or zero rows (transB = 0) at the end.
        bool transposed = next.GetInt("transB", 0) == 1;
        long features = transposed ? weight.Dims[1] : weight.Dims[0], units = transposed ? weight.Dims[0] : weight.Dims[1];
        if (features % channels != 0) return false;
        long newFeatures = features / channels * target;
        if (transposed) Replace(graph, weight, [units, newFeatures], AppendPerRow(values, units, features, newFeatures));
        else Replace(graph, weight, [newFeatures, units], WithZeros(values, newFeatures * units));
        return true;
    }

    private static TensorProto? Initializer(GraphProto graph, string name) =>
        graph.Initializer.FirstOrDefault(t => t.Name == name && t.DataType == (int)TensorProto.Types.DataType.Float);

    private static void Replace(GraphProto graph, TensorProto old, long[] dims, float[] values)
    {
        int index = graph.Initializer.IndexOf(old);
        graph.Initializer[index] = RawFloatTensor(old.Name, dims, values);
    }

    /// <summary>The values followed by zeros up to <paramref name="length"/>.</summary>
    private static float[] WithZeros(float[] values, long length) => AppendPerRow(values, 1, values.Length, length);

    /// <summary>Each of <paramref name="rows"/> rows of <paramref name="width"/> values widened to <paramref name="newWidth"/> with zeros.</summary>
    private static float[] AppendPerRow(float[] values, long rows, long width, long newWidth)
    {
        var result = new float[rows * newWidth];
        for (long row = 0; row < rows; row++) Array.Copy(values, row * width, result, row * newWidth, width);
        return result;
    }

    private static long Product(IEnumerable<long> dims) => dims.Aggregate(1L, (p, d) => p * d);
}
