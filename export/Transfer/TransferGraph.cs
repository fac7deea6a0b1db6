using Onnx;
using Toolkit.Export.Gradients;

namespace Toolkit.Export.Transfer;

/// <summary>A trained linear head on the backbone's features: logits = features · Weightᵀ + Bias.</summary>
public sealed record LinearHead(float[] Weight, float[] Bias, int Classes, int Features);

/// <summary>
/// Builds the transfer-learning graphs (opset 17, IR 8): toolkit pixels [N, 3, S, S] in [0, 1], bilinear Resize to
/// the backbone resolution, the package's preprocessing (×255, RGB→BGR, minus the mean image), the backbone,
/// Flatten to [N, features]; with a head, a Gemm to <c>logits</c>. Feature extraction and the exported classifier
/// are the same graph up to the features, so cached features are exactly what the classifier computes.
/// </summary>
public static class TransferGraph
{
    public const string BatchDimension = OnnxGraphBuilder.BatchDimension;
    public const string FeaturesName = "features";
    public const string PreprocessedName = "preprocessed";

    /// <summary>Pixels to features: output <c>features</c> [N, backbone features].</summary>
    public static ModelProto FeatureExtractor(ResNetPreprocessing preprocessing, BackboneGraph backbone, int inputSize, int resolution) =>
        Build(preprocessing, backbone, inputSize, resolution, head: null, new Dictionary<string, string>());

    /// <summary>Pixels to logits, with the toolkit's metadata_props.</summary>
    public static ModelProto Classifier(ResNetPreprocessing preprocessing, BackboneGraph backbone, int inputSize, int resolution,
        LinearHead head, IReadOnlyDictionary<string, string> metadata) =>
        Build(preprocessing, backbone, inputSize, resolution, head, metadata);

    /// <summary>Only the resize and preprocessing: output <c>preprocessed</c> [N, 3, resolution, resolution].</summary>
    public static ModelProto Preprocessing(ResNetPreprocessing preprocessing, int inputSize, int resolution)
    {
        var graph = new GraphProto { Name = "toolkit-preprocessing" };
        string output = AddPreprocessing(graph, preprocessing, inputSize, resolution);
        RenameOutput(graph, output, PreprocessedName);
        graph.Output.Add(OnnxProto.Value(PreprocessedName, TensorProto.Types.DataType.Float, BatchDimension, 3, resolution, resolution));
        return Wrap(graph, new Dictionary<string, string>());
    }

    private static ModelProto Build(ResNetPreprocessing preprocessing, BackboneGraph backbone, int inputSize, int resolution,
        LinearHead? head, IReadOnlyDictionary<string, string> metadata)
    {
        var graph = new GraphProto { Name = "toolkit-transfer" };
        string preprocessed = AddPreprocessing(graph, preprocessing, inputSize, resolution);

        foreach (var node in backbone.Graph.Node)
        {
            var copy = node.Clone();
            for (int i = 0; i < copy.Input.Count; i++)
                if (copy.Input[i] == backbone.InputName) copy.Input[i] = preprocessed;
            graph.Node.Add(copy);
        }
        graph.Initializer.AddRange(backbone.Graph.Initializer);
        graph.Node.Add(OnnxProto.Node("Flatten", "transfer.flatten", [backbone.OutputName], [FeaturesName], OnnxProto.Int("axis", 1)));

        if (head is null)
        {
            graph.Output.Add(OnnxProto.Value(FeaturesName, TensorProto.Types.DataType.Float, BatchDimension, backbone.Features));
        }
        else
        {
            if (head.Features != backbone.Features)
                throw new ArgumentException($"the head takes {head.Features} features, the backbone gives {backbone.Features}");
            graph.Initializer.Add(OnnxProto.FloatTensor("head.weight", [head.Classes, head.Features], head.Weight));
            graph.Initializer.Add(OnnxProto.FloatTensor("head.bias", [head.Classes], head.Bias));
            graph.Node.Add(OnnxProto.Node("Gemm", "head", [FeaturesName, "head.weight", "head.bias"], [OnnxGraphBuilder.OutputName],
                OnnxProto.Int("transB", 1)));
            graph.Output.Add(OnnxProto.Value(OnnxGraphBuilder.OutputName, TensorProto.Types.DataType.Float, BatchDimension, head.Classes));
        }
        return Wrap(graph, metadata);
    }

    /// <summary>Adds the graph input and the resize and preprocessing nodes; returns the preprocessed tensor's name.</summary>
    private static string AddPreprocessing(GraphProto graph, ResNetPreprocessing preprocessing, int inputSize, int resolution)
    {
        if (resolution < 1 || inputSize < 1) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "sizes must be positive");
        graph.Input.Add(OnnxProto.Value(OnnxGraphBuilder.InputName, TensorProto.Types.DataType.Float, BatchDimension, 3, inputSize, inputSize));

        // Resize wants a full 4-d size; the batch part comes from the input's own shape.
        graph.Initializer.Add(OnnxProto.Int64Tensor("resize.batch_channels_end", [1], [2]));
        graph.Initializer.Add(OnnxProto.Int64Tensor("resize.zero", [1], [0]));
        graph.Initializer.Add(OnnxProto.Int64Tensor("resize.spatial", [2], [resolution, resolution]));
        graph.Node.Add(OnnxProto.Node("Shape", "resize.shape", [OnnxGraphBuilder.InputName], ["resize.input_shape"]));
        graph.Node.Add(OnnxProto.Node("Slice", "resize.slice", ["resize.input_shape", "resize.zero", "resize.batch_channels_end"], ["resize.batch_channels"]));
        graph.Node.Add(OnnxProto.Node("Concat", "resize.sizes", ["resize.batch_channels", "resize.spatial"], ["resize.sizes"], OnnxProto.Int("axis", 0)));
        graph.Node.Add(OnnxProto.Node("Resize", "resize", [OnnxGraphBuilder.InputName, "", "", "resize.sizes"], ["resized"],
            OnnxProto.String("mode", "linear"), OnnxProto.String("coordinate_transformation_mode", "half_pixel")));

        graph.Initializer.Add(OnnxProto.FloatTensor("preprocess.scale", [], [ResNetPreprocessing.PixelScale]));
        graph.Initializer.Add(OnnxProto.Int64Tensor("preprocess.channel_order", [3], preprocessing.ChannelOrder.Select(c => (long)c)));
        graph.Initializer.Add(OnnxProto.FloatTensor("preprocess.mean_image", [1, 3, resolution, resolution], preprocessing.MeanImageAt(resolution)));
        graph.Node.Add(OnnxProto.Node("Mul", "preprocess.scale", ["resized", "preprocess.scale"], ["preprocess.pixels"]));
        graph.Node.Add(OnnxProto.Node("Gather", "preprocess.bgr", ["preprocess.pixels", "preprocess.channel_order"], ["preprocess.bgr"], OnnxProto.Int("axis", 1)));
        graph.Node.Add(OnnxProto.Node("Sub", "preprocess.mean", ["preprocess.bgr", "preprocess.mean_image"], ["preprocess.out"]));
        return "preprocess.out";
    }

    private static void RenameOutput(GraphProto graph, string from, string to)
    {
        foreach (var node in graph.Node)
            for (int i = 0; i < node.Output.Count; i++)
                if (node.Output[i] == from) node.Output[i] = to;
    }

    private static ModelProto Wrap(GraphProto graph, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = OnnxGraphBuilder.IrVersion,
            ProducerName = "toolkit",
            ProducerVersion = typeof(TransferGraph).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxGraphBuilder.OpsetVersion });
        foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }
}
