using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Export.Import;

/// <summary>
/// Loads an exported model's weights back into a TorchSharp module of the same architecture: every named
/// parameter (e.g. <c>conv1.weight</c>) takes the initializer of the same name, whose shape must match.
/// </summary>
public static class OnnxWeightImporter
{
    public static void LoadInto(nn.Module module, ModelProto model)
    {
        var initializers = model.Graph.Initializer.ToDictionary(t => t.Name);
        using var noGrad = torch.no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (!initializers.TryGetValue(name, out var tensor))
                throw new InvalidDataException($"the model file has no initializer '{name}' for the module's parameter of that name");
            long[] shape = tensor.Dims.ToArray();
            if (!shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException(
                    $"initializer '{name}' is [{string.Join(", ", shape)}] but the module's parameter is [{string.Join(", ", parameter.shape)}]");
            using var values = torch.tensor(FloatValues(tensor), shape);
            parameter.copy_(values);
        }
    }

    public static float[] FloatValues(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"initializer '{tensor.Name}' is not float32");
        if (tensor.FloatData.Count > 0) return tensor.FloatData.ToArray();
        var values = new float[tensor.RawData.Length / sizeof(float)];
        Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
