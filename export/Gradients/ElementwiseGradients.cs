using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Add, Sub, Mul, Div and Identity. The normalization (Sub mean, Div std) and biases apply a constant that is
/// broadcast onto the input-dependent operand, so that operand has the output's shape and needs no reduction.
/// </summary>
public static class ElementwiseGradients
{
    public static void Identity(NodeProto node, string dY, BackwardGraph graph) => graph.AddGradient(node.Input[0], dY);

    public static void Add(NodeProto node, string dY, BackwardGraph graph)
    {
        foreach (string input in InputDependent(node, graph)) graph.AddGradient(input, dY);
    }

    public static void Sub(NodeProto node, string dY, BackwardGraph graph)
    {
        var dependent = InputDependent(node, graph);
        if (dependent.Contains(node.Input[0])) graph.AddGradient(node.Input[0], dY);
        if (dependent.Contains(node.Input[1])) graph.AddGradient(node.Input[1], graph.Emit("Neg", [dY], "negated"));
    }

    public static void Mul(NodeProto node, string dY, BackwardGraph graph)
    {
        var (input, factor) = ByConstant(node, graph);
        graph.AddGradient(input, graph.Emit("Mul", [dY, factor], "scaled"));
    }

    public static void Div(NodeProto node, string dY, BackwardGraph graph)
    {
        var (input, divisor) = ByConstant(node, graph);
        if (input != node.Input[0]) throw graph.Unsupported(node, "the divisor depends on the input");
        graph.AddGradient(input, graph.Emit("Div", [dY, divisor], "divided"));
    }

    /// <summary>The operands that depend on the input, refusing one that is broadcast up to the output's shape.</summary>
    private static List<string> InputDependent(NodeProto node, BackwardGraph graph)
    {
        var dependent = node.Input.Where(graph.DependsOnInput).ToList();
        var output = graph.Shapes.Of(node.Output[0]);
        foreach (string input in dependent)
            if (graph.Shapes.Of(input) is { } shape && output is not null && !shape.SequenceEqual(output))
                throw graph.Unsupported(node, $"operand '{input}' is broadcast to the output's shape");
        return dependent;
    }

    private static (string Input, string Constant) ByConstant(NodeProto node, BackwardGraph graph)
    {
        var dependent = InputDependent(node, graph);
        if (dependent.Count != 1) throw graph.Unsupported(node, "both operands depend on the input");
        string input = dependent[0];
        return (input, node.Input[0] == input ? node.Input[1] : node.Input[0]);
    }
}
