using Onnx;
using Toolkit.Export.Import;

namespace Toolkit.Export.Gradients;

/// <summary>
/// BatchNormalization in inference form, y = (x - mean) / sqrt(var + epsilon) * scale + B with constant
/// statistics, is per-channel affine: dx = dy * scale / sqrt(var + epsilon), the factor computed here once.
/// </summary>
public static class BatchNormGradient
{
    public static void Derive(NodeProto node, string dY, BackwardGraph graph)
    {
        if (node.Output.Count > 1 || node.GetInt("training_mode", 0) != 0)
            throw graph.Unsupported(node, "only inference batch norm (running statistics, one output)");
        if (node.Input.Skip(1).Any(graph.DependsOnInput)) throw graph.Unsupported(node, "its scale or statistics depend on the input");
        float[] scale = Values(node.Input[1]), variance = Values(node.Input[4]);
        float epsilon = node.GetFloat("epsilon", 1e-5f);
        float[] factor = scale.Select((s, c) => (float)(s / Math.Sqrt(variance[c] + epsilon))).ToArray();
        string perChannel = graph.FloatConstant("bn_factor", [1, factor.Length, 1, 1], factor);
        graph.AddGradient(node.Input[0], graph.Emit("Mul", [dY, perChannel], "bn_grad"));

        float[] Values(string name) => graph.Constant(name) is { } tensor
            ? OnnxWeightImporter.FloatValues(tensor)
            : throw graph.Unsupported(node, $"'{name}' is not a constant");
    }
}
