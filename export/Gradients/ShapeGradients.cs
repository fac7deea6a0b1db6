using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>Relu, Flatten and Reshape: ops that mask or only rearrange values.</summary>
public static class ShapeGradients
{
    public static void Relu(NodeProto node, string dY, BackwardGraph graph)
    {
        string x = node.Input[0];
        string zero = graph.FloatConstant("zero", [], 0f);
        string positive = graph.Emit("Greater", [x, zero], "relu_mask");
        graph.AddGradient(x, graph.Emit("Where", [positive, dY, zero], "relu_grad"));
    }

    /// <summary>Flatten or Reshape: the gradient is the output gradient put back into the input's shape.</summary>
    public static void Reshape(NodeProto node, string dY, BackwardGraph graph)
    {
        string x = node.Input[0];
        string shape = graph.Emit("Shape", [x], "input_shape");
        graph.AddGradient(x, graph.Emit("Reshape", [dY, shape], "reshaped_grad"));
    }
}
