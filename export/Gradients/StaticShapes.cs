using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Static shapes of the forward graph's tensors, with the batch dimension (the only dynamic one) taken as 1.
/// ConvTranspose needs the exact spatial size of each Conv input to undo the rows a stride leaves over.
/// </summary>
public sealed class StaticShapes
{
    private readonly Dictionary<string, long[]> _shapes = new();
    private readonly Func<string, TensorProto?> _constant;

    public StaticShapes(GraphProto graph, Func<string, TensorProto?> constant)
    {
        _constant = constant;
        foreach (var initializer in graph.Initializer) _shapes[initializer.Name] = initializer.Dims.ToArray();
        foreach (var input in graph.Input)
            _shapes[input.Name] = input.Type.TensorType.Shape.Dim.Select(d => d.DimValue > 0 ? d.DimValue : 1).ToArray();
        foreach (var node in graph.Node)
            if (Infer(node) is { } shape) _shapes[node.Output[0]] = shape;
    }

    public long[]? Of(string tensor) => _shapes.GetValueOrDefault(tensor);

    private long[]? Infer(NodeProto node)
    {
        if (node.OpType == "Constant") return _constant(node.Output[0])?.Dims.ToArray();
        var inputs = node.Input.Select(i => Of(i)).ToArray();
        if (inputs.Length == 0 || inputs[0] is not { } x) return null;
        return node.OpType switch
        {
            "Relu" or "Identity" or "BatchNormalization" => x,
            "GlobalAveragePool" => [x[0], x[1], .. x[2..].Select(_ => 1L)],
            "Resize" => node.Input.Count > 2 && _constant(node.Input[2]) is { } scales
                ? x.Zip(ResizeGradient.FloatValues(scales), (d, f) => (long)Math.Floor(d * f)).ToArray()
                : null,
            "Add" or "Sub" or "Mul" or "Div" => inputs[1] is { } y ? Broadcast(x, y) : null,
            "Flatten" => Flatten(x, node.GetInt("axis", 1)),
            "Reshape" => _constant(node.Input[1]) is { } shape ? Reshape(x, shape.Int64Values()) : null,
            "Gemm" => inputs[1] is { } b ? [node.GetInt("transA", 0) == 1 ? x[1] : x[0], node.GetInt("transB", 0) == 1 ? b[0] : b[1]] : null,
            "MatMul" => inputs[1] is { Length: 2 } w ? [.. x[..^1], w[1]] : null,
            "Conv" => inputs[1] is { } weight ? [x[0], weight[0], .. Window.Of(node, weight[2..]).OutputSizes(x[2..])] : null,
            "MaxPool" or "AveragePool" => [x[0], x[1], .. Window.Of(node, node.GetInts("kernel_shape", [])).OutputSizes(x[2..])],
            _ => null,
        };
    }

    private static long[] Broadcast(long[] a, long[] b)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            long da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            long db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            result[i] = Math.Max(da, db);
        }
        return result;
    }

    private static long[] Flatten(long[] x, long axis)
    {
        if (axis < 0) axis += x.Length;
        return [x[..(int)axis].Aggregate(1L, (p, d) => p * d), x[(int)axis..].Aggregate(1L, (p, d) => p * d)];
    }

    private static long[] Reshape(long[] x, long[] target)
    {
        var result = target.Select((d, i) => d == 0 ? x[i] : d).ToArray();
        long known = result.Where(d => d != -1).Aggregate(1L, (p, d) => p * d);
        long total = x.Aggregate(1L, (p, d) => p * d);
        return result.Select(d => d == -1 ? total / known : d).ToArray();
    }
}
