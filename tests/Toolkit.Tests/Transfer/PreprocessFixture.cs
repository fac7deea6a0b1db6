using Google.Protobuf;
using Onnx;
using Toolkit.Export;

namespace Toolkit.Tests.Transfer;

/// <summary>
/// Tiny stand-ins for the featurizer package's graphs, built the way the package's files are (opset 8, batch 1):
/// a Split/Concat/Sub preprocessing graph with a random mean image, and a Conv/BatchNormalization(spatial)/Relu/
/// AveragePool backbone.
/// </summary>
public static class PreprocessFixture
{
    public static string WritePreprocess(string folder, int size, int seed)
    {
        var graph = new GraphProto { Name = "prep" };
        graph.Input.Add(OnnxProto.Value("OriginalInput", TensorProto.Types.DataType.Float, 1, 3, size, size));
        graph.Output.Add(OnnxProto.Value("PreprocessedInput", TensorProto.Types.DataType.Float, 1, 3, size, size));
        graph.Initializer.Add(OnnxProto.FloatTensor("MeanImage", [1, 3, size, size], OnnxRunner.Random(3 * size * size, seed, 100, 130)));
        graph.Node.Add(OnnxProto.Node("Split", "", ["OriginalInput"], ["R", "G", "B"], OnnxProto.Int("axis", 1), OnnxProto.Ints("split", [1, 1, 1])));
        graph.Node.Add(OnnxProto.Node("Concat", "", ["B", "G", "R"], ["BGR"], OnnxProto.Int("axis", 1)));
        graph.Node.Add(OnnxProto.Node("Sub", "", ["BGR", "MeanImage"], ["PreprocessedInput"]));
        return Write(folder, "prep.onnx", graph);
    }

    /// <summary>Input [1, 3, size, size]; output [1, 4, 1, 1] through a stride-2 Conv and an AveragePool over the whole map.</summary>
    public static string WriteBackbone(string folder, int size, int seed)
    {
        int pooled = size / 2;
        var graph = new GraphProto { Name = "backbone" };
        graph.Input.Add(OnnxProto.Value("Input", TensorProto.Types.DataType.Float, 1, 3, size, size));
        graph.Output.Add(OnnxProto.Value("Pooled", TensorProto.Types.DataType.Float, 1, 4, 1, 1));
        graph.Initializer.Add(OnnxProto.FloatTensor("W", [4, 3, 3, 3], OnnxRunner.Random(4 * 27, seed, -0.1f, 0.1f)));
        graph.Initializer.Add(OnnxProto.FloatTensor("scale", [4], OnnxRunner.Random(4, seed + 1, 0.5f, 1.5f)));
        graph.Initializer.Add(OnnxProto.FloatTensor("bias", [4], OnnxRunner.Random(4, seed + 2, -0.5f, 0.5f)));
        graph.Initializer.Add(OnnxProto.FloatTensor("mean", [4], OnnxRunner.Random(4, seed + 3, -1, 1)));
        graph.Initializer.Add(OnnxProto.FloatTensor("var", [4], OnnxRunner.Random(4, seed + 4, 0.5f, 2)));
        // Old exporters also list initializers as graph inputs.
        graph.Input.Add(OnnxProto.Value("W", TensorProto.Types.DataType.Float, 4, 3, 3, 3));
        graph.Node.Add(OnnxProto.Node("Conv", "conv", ["Input", "W"], ["c"], OnnxProto.Ints("kernel_shape", [3, 3]),
            OnnxProto.Ints("strides", [2, 2]), OnnxProto.Ints("pads", [1, 1, 1, 1])));
        graph.Node.Add(OnnxProto.Node("BatchNormalization", "bn", ["c", "scale", "bias", "mean", "var"], ["b"],
            OnnxProto.Int("spatial", 1), OnnxProto.Float("epsilon", 1e-5f)));
        graph.Node.Add(OnnxProto.Node("Relu", "relu", ["b"], ["r"]));
        graph.Node.Add(OnnxProto.Node("AveragePool", "pool", ["r"], ["Pooled"], OnnxProto.Ints("kernel_shape", [pooled, pooled]),
            OnnxProto.Ints("strides", [1, 1])));
        graph.ValueInfo.Add(OnnxProto.Value("c", TensorProto.Types.DataType.Float, 1, 4, pooled, pooled));
        return Write(folder, "backbone.onnx", graph);
    }

    private static string Write(string folder, string name, GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 3, ProducerName = "fixture", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 8 });
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }
}
