using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>Gemm and MatMul with constant weights.</summary>
public static class LinearGradients
{
    /// <summary>
    /// Y = alpha op(A) op(B) + beta C, so dA = alpha dY op(B)^T, or its transpose when transA = 1. One Gemm
    /// computes it with the transposition flags flipped.
    /// </summary>
    public static void Gemm(NodeProto node, string dY, BackwardGraph graph)
    {
        if (node.Input.Skip(1).Any(graph.DependsOnInput)) throw graph.Unsupported(node, "its weights or bias depend on the input");
        string a = node.Input[0], b = node.Input[1];
        long transB = node.GetInt("transB", 0);
        var alpha = Float("alpha", node.GetFloat("alpha", 1f));
        string dA = node.GetInt("transA", 0) == 1
            ? graph.Emit("Gemm", [b, dY], "gemm_grad", alpha, Int("transA", transB), Int("transB", 1))
            : graph.Emit("Gemm", [dY, b], "gemm_grad", alpha, Int("transB", 1 - transB));
        graph.AddGradient(a, dA);
    }

    /// <summary>Y = A W with a constant matrix W, so dA = dY W^T.</summary>
    public static void MatMul(NodeProto node, string dY, BackwardGraph graph)
    {
        string a = node.Input[0], w = node.Input[1];
        if (!graph.DependsOnInput(a) || graph.DependsOnInput(w)) throw graph.Unsupported(node, "only input times a constant matrix is supported");
        if (graph.Shapes.Of(w) is not { Length: 2 }) throw graph.Unsupported(node, $"'{w}' is not a matrix");
        string transposed = graph.Emit("Transpose", [w], "weight_transposed", Ints("perm", [1, 0]));
        graph.AddGradient(a, graph.Emit("MatMul", [dY, transposed], "matmul_grad"));
    }
}
