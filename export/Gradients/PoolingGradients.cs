using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>GlobalAveragePool: every input position gets its channel's output gradient divided by the number of positions.</summary>
public static class PoolingGradients
{
    public static void GlobalAveragePool(NodeProto node, string dY, BackwardGraph graph)
    {
        string x = node.Input[0];
        var shape = graph.Shapes.Of(x) ?? throw graph.Unsupported(node, $"the static shape of '{x}' is unknown");
        long positions = shape[2..].Aggregate(1L, (p, d) => p * d);
        string share = graph.FloatConstant("inverse_positions", [], 1f / positions);
        string scaled = graph.Emit("Mul", [dY, share], "pool_grad_share");
        string inputShape = graph.Emit("Shape", [x], "input_shape");
        graph.AddGradient(x, graph.Emit("Expand", [scaled, inputShape], "global_pool_grad"));
    }
}
