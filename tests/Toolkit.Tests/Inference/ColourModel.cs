using Google.Protobuf;
using Onnx;
using Toolkit.Format;

namespace Toolkit.Tests.Inference;

/// <summary>
/// A tiny hand-built toolkit classifier for inference tests: Flatten then Gemm whose logits are the mean red,
/// green and blue intensities, so a mostly red image is "red". Metadata follows docs/MODEL_FORMAT.md.
/// </summary>
public static class ColourModel
{
    public static readonly string[] Classes = ["red", "green", "blue"];

    public static string Write(string folder, int size = 32, string dataset = "colours")
    {
        int plane = size * size;
        var weights = new float[3 * 3 * plane];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < plane; i++)
                weights[c * 3 * plane + c * plane + i] = 10f / plane;

        var graph = new GraphProto { Name = "colour" };
        graph.Input.Add(Value("input", TensorProto.Types.DataType.Float, ["batch", 3, size, size]));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, ["batch", 3]));
        graph.Initializer.Add(Tensor("weight", [3, 3 * plane], weights));
        graph.Initializer.Add(Tensor("bias", [3], [0f, 0f, 0f]));
        graph.Node.Add(Node("Flatten", ["input"], ["flat"], new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));
        graph.Node.Add(Node("Gemm", ["flat", "weight", "bias"], ["logits"], new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 }));

        var model = new ModelProto { IrVersion = 8, ProducerName = "toolkit-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        AddMetadata(model, ModelFormat.Keys.Task, "classification");
        AddMetadata(model, ModelFormat.Keys.Arch, "colour");
        AddMetadata(model, ModelFormat.Keys.Classes, "[\"red\",\"green\",\"blue\"]");
        AddMetadata(model, ModelFormat.Keys.InputLayout, "NCHW");
        AddMetadata(model, ModelFormat.Keys.InputShape, $"[-1,3,{size},{size}]");
        AddMetadata(model, ModelFormat.Keys.Dataset, dataset);
        AddMetadata(model, ModelFormat.Keys.Metrics, "{\"test_accuracy\":1.0}");

        string path = Path.Combine(folder, "colour.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    private static void AddMetadata(ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    private static NodeProto Node(string op, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = op.ToLowerInvariant() };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static TensorProto Tensor(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = (int)dim });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
