using Onnx;
using Toolkit.Export.Ir;
using Toolkit.Format;
using static Toolkit.Export.OnnxProto;

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
        builder.graph.Input.Add(Value(InputName, TensorProto.Types.DataType.Float, [BatchDimension, .. inputShape.Cast<object>()]));
        builder.graph.Output.Add(Value(outputName, TensorProto.Types.DataType.Float, BatchDimension, outputs));

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
        LinearOp l => Node("Gemm", l.Name, WithBias(input, l.Name, l.Weight, l.Bias), Int("transB", 1)),
        ConvOp c => Node("Conv", c.Name, WithBias(input, c.Name, c.Weight, c.Bias),
            Ints("kernel_shape", c.Weight.Shape[2..]), Ints("strides", c.Strides), Ints("pads", c.Pads),
            Ints("dilations", c.Dilations), Int("group", c.Groups)),
        MaxPoolOp p => Node("MaxPool", p.Name, [input],
            Ints("kernel_shape", p.Kernel), Ints("strides", p.Strides), Ints("pads", p.Pads),
            Ints("dilations", p.Dilations), Int("ceil_mode", p.CeilMode ? 1 : 0)),
        FlattenOp f => Node("Flatten", f.Name, [input], Int("axis", 1)),
        ReluOp r => Node("Relu", r.Name, [input]),
        BatchNormOp b => Node("BatchNormalization", b.Name,
            [input, Constant(b.Name + ".weight", [b.Scale.Length], b.Scale), Constant(b.Name + ".bias", [b.Bias.Length], b.Bias),
             Constant(b.Name + ".running_mean", [b.Mean.Length], b.Mean), Constant(b.Name + ".running_var", [b.Var.Length], b.Var)],
            Float("epsilon", (float)b.Epsilon)),
        ResidualOp r => Node("Add", r.Name + ".add", [Chain(r.Main, input), Chain(r.Shortcut, input)]),
        GlobalAveragePoolOp g => Node("GlobalAveragePool", g.Name, [input]),
        FlipWidthOp f => Node("MatMul", f.Name, [input, Constant(f.Name + ".anti_identity", [f.Width, f.Width], AntiIdentity(f.Width))]),
        // Resize's roi input is unused in nearest mode and left empty; asymmetric coordinates with floor rounding
        // make output pixel i read input pixel floor(i / factor), as PyTorch's nearest interpolation does.
        UpsampleNearestOp u => Node("Resize", u.Name, [input, "", Constant(u.Name + ".scales", [4], [1f, 1f, u.Factor, u.Factor])],
            String("mode", "nearest"), String("coordinate_transformation_mode", "asymmetric"), String("nearest_mode", "floor")),
        _ => throw new UnsupportedLayerException(op.Name, op.GetType().Name, "no ONNX translation for this op"),
    };

    private static float[] AntiIdentity(long size)
    {
        var values = new float[size * size];
        for (long row = 0; row < size; row++) values[row * size + size - 1 - row] = 1f;
        return values;
    }

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
        graph.Node.Add(OnnxProto.Node(opType, name, inputs, [output], attributes));
        return output;
    }

    private string Constant(string name, long[] shape, float[] values)
    {
        graph.Initializer.Add(RawFloatTensor(name, shape, values));
        return name;
    }

    private void Rename(string from, string to)
    {
        foreach (var node in graph.Node)
            for (int i = 0; i < node.Output.Count; i++)
                if (node.Output[i] == from) node.Output[i] = to;
    }

    private static long[] ChannelShape(float[] perChannel) => [1, perChannel.Length, 1, 1];
}
