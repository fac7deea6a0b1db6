using Onnx;
using Toolkit.Export.Import;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Resize as nearest-neighbour upsampling by an integer factor k on H and W (asymmetric coordinates, floor):
/// each input pixel is copied to a k x k block, so its gradient is the sum of the output gradient over that block:
/// reshape [N, C, H k, W k] to [N, C, H, k, W, k] and sum axes 3 and 5.
/// </summary>
public static class ResizeGradient
{
    public static void Derive(NodeProto node, string dY, BackwardGraph graph)
    {
        if (node.GetString("mode", "nearest") != "nearest" || node.GetString("coordinate_transformation_mode", "half_pixel") != "asymmetric"
            || node.GetString("nearest_mode", "round_prefer_floor") != "floor")
            throw graph.Unsupported(node, "only nearest mode with asymmetric coordinates and floor rounding (integer upsampling)");
        if (node.Input.Count < 3 || graph.Constant(node.Input[2]) is not { } scalesTensor)
            throw graph.Unsupported(node, "only constant scales (not sizes)");
        float[] scales = FloatValues(scalesTensor);
        var shape = graph.Shapes.Of(node.Input[0]) ?? throw graph.Unsupported(node, "the input's static shape is unknown");
        if (scales.Length != 4 || scales[0] != 1 || scales[1] != 1 || scales[2] != scales[3] || scales[2] < 1 || scales[2] != MathF.Floor(scales[2]))
            throw graph.Unsupported(node, $"scales [{string.Join(", ", scales)}] are not [1, 1, k, k] with an integer k");

        long k = (long)scales[2];
        string blocks = graph.Int64Constant("block_shape", [6], -1, shape[1], shape[2], k, shape[3], k);
        string axes = graph.Int64Constant("block_axes", [2], 3, 5);
        string reshaped = graph.Emit("Reshape", [dY, blocks], "upsample_blocks");
        graph.AddGradient(node.Input[0], graph.Emit("ReduceSum", [reshaped, axes], "upsample_grad", Int("keepdims", 0)));
    }

    public static float[] FloatValues(TensorProto tensor) => OnnxWeightImporter.FloatValues(tensor);
}
