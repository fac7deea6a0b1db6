using Onnx;

namespace Toolkit.Inference.Benchmarks;

/// <summary>Floating-point operations of one operator type in a graph, for one example.</summary>
public sealed record OperatorFlops(string OpType, int Nodes, long Flops);

/// <summary>The floating-point operations a graph costs per example, in all and by operator type.</summary>
public sealed record GraphFlops(long PerExample, IReadOnlyList<OperatorFlops> ByOperator)
{
    public double MegaflopsPerExample => PerExample / 1e6;
}

/// <summary>
/// Counts the floating-point operations of an ONNX graph for one example (batch 1) by propagating tensor shapes from
/// the input through the nodes in order. A multiply-add counts as two operations: Conv costs
/// 2 · output elements · (input channels / group) · kernel area, Gemm and MatMul 2 · M · K · N, plus one per output
/// element for a bias. Element-wise operators cost one per output element (BatchNormalization two, Softmax three),
/// pooling one per window element read; Flatten, Reshape, Identity and Dropout move no arithmetic.
/// </summary>
public static class GraphFlopCounter
{
    public static GraphFlops Count(string modelPath) => Count(ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath)));

    public static GraphFlops Count(ModelProto model)
    {
        var graph = model.Graph;
        var shapes = new Dictionary<string, long[]>();
        var constants = new Dictionary<string, TensorProto>();
        foreach (var initializer in graph.Initializer)
        {
            shapes[initializer.Name] = initializer.Dims.ToArray();
            constants[initializer.Name] = initializer;
        }
        foreach (var input in graph.Input.Where(i => !shapes.ContainsKey(i.Name)))
            shapes[input.Name] = input.Type.TensorType.Shape.Dim.Select(d => d.DimValue > 0 ? d.DimValue : 1).ToArray();

        var byOperator = new Dictionary<string, (int Nodes, long Flops)>();
        foreach (var node in graph.Node)
        {
            var (outputShape, flops) = Apply(node, shapes, constants);
            shapes[node.Output[0]] = outputShape;
            var (count, total) = byOperator.GetValueOrDefault(node.OpType);
            byOperator[node.OpType] = (count + 1, total + flops);
        }
        var list = byOperator.Select(p => new OperatorFlops(p.Key, p.Value.Nodes, p.Value.Flops)).OrderByDescending(o => o.Flops).ToList();
        return new GraphFlops(list.Sum(o => o.Flops), list);
    }

    private static (long[] Shape, long Flops) Apply(NodeProto node, Dictionary<string, long[]> shapes, Dictionary<string, TensorProto> constants)
    {
        long[] Input(int i) => shapes.TryGetValue(node.Input[i], out var shape)
            ? shape
            : throw new InvalidDataException($"node {node.Name} ({node.OpType}): input '{node.Input[i]}' has no known shape");
        bool HasInput(int i) => node.Input.Count > i && node.Input[i].Length > 0;
        switch (node.OpType)
        {
            case "Conv":
                {
                    long[] x = Input(0), w = Input(1);
                    long group = Int(node, "group", 1);
                    long[] output = [x[0], w[0], .. WindowOutput(node, x, w[2..])];
                    long elements = Elements(output);
                    return (output, 2 * elements * (x[1] / group) * Elements(w[2..]) + (HasInput(2) ? elements : 0));
                }
            case "Gemm":
                {
                    long[] a = Input(0), b = Input(1);
                    long m = Int(node, "transA", 0) == 1 ? a[1] : a[0], k = Int(node, "transA", 0) == 1 ? a[0] : a[1];
                    long n = Int(node, "transB", 0) == 1 ? b[0] : b[1];
                    return ([m, n], 2 * m * k * n + (HasInput(2) ? m * n : 0));
                }
            case "MatMul":
                {
                    long[] a = Input(0), b = Input(1);
                    long[] output = [.. a[..^1], b[^1]];
                    return (output, 2 * Elements(output) * a[^1]);
                }
            case "MaxPool" or "AveragePool":
                {
                    long[] x = Input(0), kernel = Ints(node, "kernel_shape");
                    long[] output = [x[0], x[1], .. WindowOutput(node, x, kernel)];
                    return (output, Elements(output) * Elements(kernel));
                }
            case "GlobalAveragePool" or "GlobalMaxPool":
                {
                    long[] x = Input(0);
                    return ([x[0], x[1], .. x[2..].Select(_ => 1L)], Elements(x));
                }
            case "Relu" or "Sigmoid" or "Tanh" or "LeakyRelu" or "Clip" or "Neg" or "Exp" or "Sqrt":
                return (Input(0), Elements(Input(0)));
            case "BatchNormalization":
                return (Input(0), 2 * Elements(Input(0)));
            case "Softmax" or "LogSoftmax":
                return (Input(0), 3 * Elements(Input(0)));
            case "Add" or "Sub" or "Mul" or "Div" or "Max" or "Min":
                {
                    long[] output = Broadcast(Input(0), Input(1));
                    return (output, Elements(output));
                }
            case "Flatten":
                {
                    long[] x = Input(0);
                    long axis = Int(node, "axis", 1);
                    if (axis < 0) axis += x.Length;
                    return ([Elements(x[..(int)axis]), Elements(x[(int)axis..])], 0);
                }
            case "Reshape":
                return (Reshaped(Input(0), constants.TryGetValue(node.Input[1], out var target)
                    ? target
                    : throw new InvalidDataException($"node {node.Name} (Reshape): the target shape is not an initializer")), 0);
            case "Identity" or "Dropout":
                return (Input(0), 0);
            default:
                throw new InvalidDataException($"node {node.Name}: operator {node.OpType} is not known to the FLOP counter");
        }
    }

    /// <summary>Spatial output sizes of a Conv or pooling window: ⌊(in + pads − dilation·(k − 1) − 1) / stride⌋ + 1.</summary>
    private static IEnumerable<long> WindowOutput(NodeProto node, long[] input, long[] kernel)
    {
        int spatial = kernel.Length;
        long[] strides = Ints(node, "strides", spatial, 1), dilations = Ints(node, "dilations", spatial, 1);
        long[] pads = Ints(node, "pads", 2 * spatial, 0);
        string autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "NOTSET";
        for (int i = 0; i < spatial; i++)
        {
            long size = input[2 + i];
            if (autoPad is "SAME_UPPER" or "SAME_LOWER") yield return (size + strides[i] - 1) / strides[i];
            else yield return (size + pads[i] + pads[i + spatial] - dilations[i] * (kernel[i] - 1) - 1) / strides[i] + 1;
        }
    }

    private static long[] Broadcast(long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var output = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long x = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long y = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            output[i] = Math.Max(x, y);
        }
        return output;
    }

    private static long[] Reshaped(long[] input, TensorProto target)
    {
        long[] shape = target.Int64Data.Count > 0
            ? target.Int64Data.ToArray()
            : Enumerable.Range(0, target.RawData.Length / sizeof(long)).Select(i => BitConverter.ToInt64(target.RawData.Span[(i * sizeof(long))..])).ToArray();
        for (int i = 0; i < shape.Length; i++) if (shape[i] == 0) shape[i] = input[i];
        int unknown = Array.IndexOf(shape, -1L);
        if (unknown >= 0) shape[unknown] = Elements(input) / -Elements(shape);
        return shape;
    }

    private static long Elements(IEnumerable<long> shape) => shape.Aggregate(1L, (product, d) => product * d);

    private static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    private static long[] Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints.ToArray()
        ?? throw new InvalidDataException($"node {node.Name} ({node.OpType}): attribute {name} missing");

    private static long[] Ints(NodeProto node, string name, int count, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name)?.Ints.ToArray() ?? Enumerable.Repeat(fallback, count).ToArray();
}
