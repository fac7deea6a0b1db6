using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// MaxPool: the forward node also outputs the index of each window's maximum (flat over the whole NCHW input),
/// and the output gradient goes back to those positions; positions no window picks (leftover rows) get zero.
/// Where windows do not overlap, every position is picked at most once, and MaxUnpool, the standard inverse
/// of MaxPool, places the gradient in one pass. Overlapping windows can pick a position twice, so there the
/// gradient is scatter-added instead.
/// </summary>
public static class MaxPoolGradient
{
    public static void Derive(NodeProto node, string dY, BackwardGraph graph)
    {
        if (node.GetInt("storage_order", 0) != 0) throw graph.Unsupported(node, "column-major indices (storage_order 1)");
        if (node.Output.Count < 2) node.Output.Add(graph.UniqueName("maxpool_indices"));

        string x = node.Input[0];
        string shape = graph.Emit("Shape", [x], "input_shape");
        var window = Window.Of(node, node.GetInts("kernel_shape", []));
        string gradient = WindowsOverlap(window) ? ScatterAdd(node, dY, graph, shape) : Unpool(node, dY, graph, shape, window);
        graph.AddGradient(x, gradient);
    }

    private static bool WindowsOverlap(Window window) =>
        Enumerable.Range(0, window.Rank).Any(axis => window.Strides[axis] < window.Extent(axis));

    private static string Unpool(NodeProto node, string dY, BackwardGraph graph, string shape, Window window) =>
        graph.Emit("MaxUnpool", [dY, node.Output[1], shape], "maxpool_grad",
            Ints("kernel_shape", window.Kernel),
            Ints("strides", window.Strides),
            Ints("pads", window.Pads));

    private static string ScatterAdd(NodeProto node, string dY, BackwardGraph graph, string shape)
    {
        string flat = graph.Int64Constant("flat_shape", [1], -1);
        string zeros = graph.Emit("ConstantOfShape", [shape], "zeros", Tensor("value", 0f));
        string scattered = graph.Emit("ScatterElements", [Flat(zeros), Flat(node.Output[1]), Flat(dY)], "maxpool_grad_flat",
            Int("axis", 0), String("reduction", "add"));
        return graph.Emit("Reshape", [scattered, shape], "maxpool_grad");

        string Flat(string tensor) => graph.Emit("Reshape", [tensor, flat], "flat");
    }

    private static AttributeProto Tensor(string name, float value) => new()
    {
        Name = name,
        Type = AttributeProto.Types.AttributeType.Tensor,
        T = FloatTensor(name, [1], [value]),
    };
}
