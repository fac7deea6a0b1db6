using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Rewrites Relu followed by MaxPool into MaxPool followed by Relu. Relu never lowers an order, so
/// max(relu(x)) = relu(max(x)) and the logits stay bit for bit the same; the gradient too: where a window's
/// maximum is positive both forms pick the same position, elsewhere both give zero. The backward pass then
/// masks the small pooled gradient instead of the full-size one, and the forward Relu runs on the pooled tensor.
/// </summary>
public static class PoolBeforeRelu
{
    public static void Apply(GraphProto graph)
    {
        var outputs = graph.Output.Select(o => o.Name).ToHashSet();
        for (int r = 0; r < graph.Node.Count; r++)
        {
            var relu = graph.Node[r];
            if (relu.OpType != "Relu" || outputs.Contains(relu.Output[0])) continue;
            var consumers = graph.Node.Where(n => n.Input.Contains(relu.Output[0])).ToList();
            if (consumers is not [{ OpType: "MaxPool", Output.Count: 1 } pool] || pool.Input[0] != relu.Output[0]) continue;

            int p = graph.Node.IndexOf(pool);
            string pooled = relu.Output[0] + "/pooled_before_relu";
            graph.Node[r] = Node("MaxPool", pool.Name, [relu.Input[0]], [pooled], [.. pool.Attribute]);
            graph.Node[p] = Node("Relu", relu.Name, [pooled], [pool.Output[0]], [.. relu.Attribute]);
            foreach (var stale in graph.ValueInfo.Where(v => v.Name == relu.Output[0]).ToList()) graph.ValueInfo.Remove(stale);
        }
    }
}
