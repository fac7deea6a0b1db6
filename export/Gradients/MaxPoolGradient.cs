using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// MaxPool: the forward node also outputs the index of each window's maximum (flat over the whole NCHW input),
/// and the output gradient is scatter-added to those positions. Adding, rather than assigning, keeps the result
/// right where windows overlap; positions no window covers (leftover rows) get zero.
/// </summary>
public static class MaxPoolGradient
{
    public static void Derive(NodeProto node, string dY, BackwardGraph graph)
    {
        if (node.GetInt("storage_order", 0) != 0) throw graph.Unsupported(node, "column-major indices (storage_order 1)");
        if (node.Output.Count < 2) node.Output.Add(graph.UniqueName("maxpool_indices"));

        string x = node.Input[0];
        string flat = graph.Int64Constant("flat_shape", [1], -1);
        string shape = graph.Emit("Shape", [x], "input_shape");
        string zeros = graph.Emit("ConstantOfShape", [shape], "zeros", Tensor("value", 0f));
        string scattered = graph.Emit("ScatterElements", [Flat(zeros), Flat(node.Output[1]), Flat(dY)], "maxpool_grad_flat",
            Int("axis", 0), String("reduction", "add"));
        graph.AddGradient(x, graph.Emit("Reshape", [scattered, shape], "maxpool_grad"));

        string Flat(string tensor) => graph.Emit("Reshape", [tensor, flat], "flat");
    }

    private static AttributeProto Tensor(string name, float value) => new()
    {
        Name = name,
        Type = AttributeProto.Types.AttributeType.Tensor,
        T = FloatTensor(name, [1], [value]),
    };
}
