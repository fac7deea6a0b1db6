using Google.Protobuf;
using Onnx;
using Toolkit.Format;
using static Toolkit.Export.OnnxProto;

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
        graph.Input.Add(Value("input", TensorProto.Types.DataType.Float, "batch", 3, size, size));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, "batch", 3));
        graph.Initializer.Add(FloatTensor("weight", [3, 3 * plane], weights));
        graph.Initializer.Add(FloatTensor("bias", [3], [0f, 0f, 0f]));
        graph.Node.Add(Node("Flatten", "flatten", ["input"], ["flat"], Int("axis", 1)));
        graph.Node.Add(Node("Gemm", "gemm", ["flat", "weight", "bias"], ["logits"], Int("transB", 1)));

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
}
