using Google.Protobuf;
using Onnx;
using Toolkit.Export.Ir;
using Toolkit.Format;

namespace Toolkit.Export;

/// <summary>
/// Builds the forward ONNX graph (opset 17, IR 8) of a list of layer ops: input <c>input</c> with a
/// symbolic batch dimension, output <c>logits</c> (or another name, e.g. <c>reconstruction</c>), weights as initializers, metadata as metadata_props.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public const string InputName = ModelFormat.Names.Input;
    public const string OutputName = ModelFormat.Names.Logits;
    public const string BatchDimension = "batch";
    public const long OpsetVersion = 17;
    public const long IrVersion = 8;

    private readonly GraphProto graph = new() { Name = "toolkit" };
    private int nodeCount;

    /// <summary>The model for inputs shaped [batch, ..inputShape] and outputs [batch, outputs] named <paramref name="outputName"/>.</summary>
    public static ModelProto Build(IReadOnlyList<LayerOp> ops, long[] inputShape, long outputs, IReadOnlyDictionary<string, string> metadata,
        string outputName = OutputName)
    {
        var builder = new OnnxGraphBuilder();
        string current = InputName;
        foreach (var op in ops) current = builder.Emit(op, current);
        builder.Rename(current, outputName);
        builder.graph.Input.Add(ValueInfo(InputName, inputShape));
        builder.graph.Output.Add(ValueInfo(outputName, [outputs]));

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "toolkit",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "",
            Graph = builder.graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach (var (key, value) in metadata) model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        return model;
    }

    private string Emit(LayerOp op, string input) => op switch
    {
        NormalizeOp n => Node("Div", n.Name + ".div",
            [Node("Sub", n.Name + ".sub", [input, Constant(n.Name + ".mean", ChannelShape(n.Mean), n.Mean)]),
             Constant(n.Name + ".std", ChannelShape(n.Std), n.Std)]),
        LinearOp l => Node("Gemm", l.Name, WithBias(input, l.Name, l.Weight, l.Bias), Attribute("transB", 1)),
        ConvOp c => Node("Conv", c.Name, WithBias(input, c.Name, c.Weight, c.Bias),
            Attribute("kernel_shape", c.Weight.Shape[2..]), Attribute("strides", c.Strides), Attribute("pads", c.Pads),
            Attribute("dilations", c.Dilations), Attribute("group", c.Groups)),
        MaxPoolOp p => Node("MaxPool", p.Name, [input],
            Attribute("kernel_shape", p.Kernel), Attribute("strides", p.Strides), Attribute("pads", p.Pads),
            Attribute("dilations", p.Dilations), Attribute("ceil_mode", p.CeilMode ? 1 : 0)),
        FlattenOp f => Node("Flatten", f.Name, [input], Attribute("axis", 1)),
        ReluOp r => Node("Relu", r.Name, [input]),
        BatchNormOp b => Node("BatchNormalization", b.Name,
            [input, Constant(b.Name + ".weight", [b.Scale.Length], b.Scale), Constant(b.Name + ".bias", [b.Bias.Length], b.Bias),
             Constant(b.Name + ".running_mean", [b.Mean.Length], b.Mean), Constant(b.Name + ".running_var", [b.Var.Length], b.Var)],
            Attribute("epsilon", (float)b.Epsilon)),
        ResidualOp r => Node("Add", r.Name + ".add", [Chain(r.Main, input), Chain(r.Shortcut, input)]),
        GlobalAveragePoolOp g => Node("GlobalAveragePool", g.Name, [input]),
        // Resize's roi input is unused in nearest mode and left empty; asymmetric coordinates with floor rounding
        // make output pixel i read input pixel floor(i / factor), as PyTorch's nearest interpolation does.
        UpsampleNearestOp u => Node("Resize", u.Name, [input, "", Constant(u.Name + ".scales", [4], [1f, 1f, u.Factor, u.Factor])],
            Attribute("mode", "nearest"), Attribute("coordinate_transformation_mode", "asymmetric"), Attribute("nearest_mode", "floor")),
        _ => throw new UnsupportedLayerException(op.Name, op.GetType().Name, "no ONNX translation for this op"),
    };

    /// <summary>Emits a chain of ops from <paramref name="input"/> and returns its last output; an empty chain is the input itself.</summary>
    private string Chain(IReadOnlyList<LayerOp> ops, string input)
    {
        foreach (var op in ops) input = Emit(op, input);
        return input;
    }

    private string[] WithBias(string input, string name, WeightTensor weight, WeightTensor? bias) =>
        bias is null
            ? [input, Constant(name + ".weight", weight.Shape, weight.Values)]
            : [input, Constant(name + ".weight", weight.Shape, weight.Values), Constant(name + ".bias", bias.Shape, bias.Values)];

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    private string Node(string opType, string name, string[] inputs, params AttributeProto[] attributes)
    {
        string output = $"{name}.out{nodeCount++}";
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    private string Constant(string name, long[] shape, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(shape);
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        tensor.RawData = ByteString.CopyFrom(bytes);
        graph.Initializer.Add(tensor);
        return name;
    }

    private void Rename(string from, string to)
    {
        foreach (var node in graph.Node)
            for (int i = 0; i < node.Output.Count; i++)
                if (node.Output[i] == from) node.Output[i] = to;
    }

    private static long[] ChannelShape(float[] perChannel) => [1, perChannel.Length, 1, 1];

    private static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Attribute(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto Attribute(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = Google.Protobuf.ByteString.CopyFromUtf8(value) };

    private static AttributeProto Attribute(string name, long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    private static ValueInfoProto ValueInfo(string name, long[] shapeAfterBatch)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        foreach (long d in shapeAfterBatch) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
