using Onnx;

namespace Toolkit.Export.Transfer;

/// <summary>
/// A pretrained feature extractor read from an ONNX file and rewritten for batches: the batch dimension of its
/// input and output becomes symbolic, inferred intermediate shapes (which name batch 1) are dropped, and a
/// final fixed-window AveragePool becomes GlobalAveragePool so any input resolution pools to one vector.
/// Old-opset attributes that later opsets removed (BatchNormalization's <c>spatial</c>) are dropped, so the
/// nodes can join a graph of the toolkit's opset.
/// </summary>
public sealed class BackboneGraph
{
    private BackboneGraph(GraphProto graph, string input, string output, long features)
    {
        Graph = graph;
        InputName = input;
        OutputName = output;
        Features = features;
    }

    public GraphProto Graph { get; }
    public string InputName { get; }
    public string OutputName { get; }

    /// <summary>Channels of the pooled output, e.g. 512 for ResNet18.</summary>
    public long Features { get; }

    public static BackboneGraph Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: backbone model not found (restore the solution to fetch the " +
                "Microsoft.ML.DnnImageFeaturizer.ResNet18 package, or pass --backbone)", path);
        return FromModel(OnnxFiles.Read(path), path);
    }

    public static BackboneGraph FromModel(ModelProto model, string source)
    {
        var graph = model.Graph.Clone();
        var inputs = graph.Input.Where(i => graph.Initializer.All(t => t.Name != i.Name)).ToList();
        if (inputs.Count != 1) throw new InvalidDataException($"{source}: expected one image input, found {inputs.Count}");
        if (graph.Output.Count != 1) throw new InvalidDataException($"{source}: expected one output, found {graph.Output.Count}");

        foreach (var value in inputs.Concat(graph.Output)) MakeBatchSymbolic(value, source);
        graph.ValueInfo.Clear();
        // Old exporters list initializers as inputs too; newer opsets do not need it and it hides the real input.
        foreach (var initializerInput in graph.Input.Where(i => i != inputs[0]).ToList()) graph.Input.Remove(initializerInput);

        foreach (var node in graph.Node)
        {
            if (node.OpType == "BatchNormalization")
                foreach (var attribute in node.Attribute.Where(a => a.Name is "spatial" or "is_test").ToList())
                    node.Attribute.Remove(attribute);
            if (node.OpType == "AveragePool" && node.Output.Contains(graph.Output[0].Name))
            {
                node.OpType = "GlobalAveragePool";
                node.Attribute.Clear();
            }
        }

        var outputDims = graph.Output[0].Type.TensorType.Shape.Dim;
        long features = outputDims.Count >= 2 && outputDims[1].DimValue > 0
            ? outputDims[1].DimValue
            : throw new InvalidDataException($"{source}: output has no fixed channel count");
        return new BackboneGraph(graph, inputs[0].Name, graph.Output[0].Name, features);
    }

    /// <summary>The rewritten backbone alone as a model of the toolkit's opset: its own input and output names, any batch size.</summary>
    public ModelProto ToModel()
    {
        var model = new ModelProto { IrVersion = OnnxGraphBuilder.IrVersion, ProducerName = "toolkit", Graph = Graph.Clone() };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxGraphBuilder.OpsetVersion });
        return model;
    }

    private static void MakeBatchSymbolic(ValueInfoProto value, string source)
    {
        var dims = value.Type?.TensorType?.Shape?.Dim;
        if (dims is null || dims.Count == 0) throw new InvalidDataException($"{source}: '{value.Name}' has no shape");
        dims[0] = new TensorShapeProto.Types.Dimension { DimParam = TransferGraph.BatchDimension };
    }
}
