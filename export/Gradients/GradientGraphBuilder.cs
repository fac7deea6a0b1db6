using Onnx;
using Toolkit.Format;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Derives a classifier's input-gradient graph from its forward graph (docs/MODEL_FORMAT.md): the forward nodes,
/// a per-example softmax cross-entropy against the new input <c>label</c>, and the backward nodes, emitted by
/// walking the forward nodes in reverse. Outputs <c>logits</c>, <c>loss</c> and <c>input_grad</c>.
/// </summary>
public static class GradientGraphBuilder
{
    public const string Input = ModelFormat.Names.Input;
    public const string Label = ModelFormat.Names.Label;
    public const string Logits = ModelFormat.Names.Logits;
    public const string Loss = ModelFormat.Names.Loss;
    public const string InputGradient = ModelFormat.Names.InputGradient;
    public const int Opset = 17;

    private static readonly Dictionary<string, Derivation> Derivations = new()
    {
        ["Identity"] = ElementwiseGradients.Identity,
        ["Add"] = ElementwiseGradients.Add,
        ["Sub"] = ElementwiseGradients.Sub,
        ["Mul"] = ElementwiseGradients.Mul,
        ["Div"] = ElementwiseGradients.Div,
        ["Relu"] = ShapeGradients.Relu,
        ["Flatten"] = ShapeGradients.Reshape,
        ["Reshape"] = ShapeGradients.Reshape,
        ["Gemm"] = LinearGradients.Gemm,
        ["MatMul"] = LinearGradients.MatMul,
        ["Conv"] = ConvGradient.Derive,
        ["MaxPool"] = MaxPoolGradient.Derive,
        ["BatchNormalization"] = BatchNormGradient.Derive,
        ["GlobalAveragePool"] = PoolingGradients.GlobalAveragePool,
        ["Resize"] = ResizeGradient.Derive,
    };

    public static IReadOnlyCollection<string> SupportedOps => Derivations.Keys;

    public static ModelProto Build(ModelProto forward)
    {
        var model = forward.Clone();
        var graph = model.Graph;
        var input = graph.Input.FirstOrDefault(i => i.Name == Input)
            ?? throw new GradientExportException($"the graph has no input named '{Input}'");
        var logits = graph.Output.FirstOrDefault(o => o.Name == Logits)
            ?? throw new GradientExportException($"the graph has no output named '{Logits}'; only classifiers have gradient graphs");

        PoolBeforeRelu.Apply(graph);
        var forwardNodes = graph.Node.ToList();
        var backward = new BackwardGraph(graph, Input);
        string batch = BatchDimension(input);
        graph.Input.Add(Value(Label, TensorProto.Types.DataType.Int64, batch));
        AddLoss(graph, backward, ClassCount(backward, logits));

        foreach (var node in Enumerable.Reverse(forwardNodes))
        {
            if (!node.Output.Any(backward.DependsOnInput) || backward.GradientOf(node.Output[0]) is not { } dY) continue;
            if (!Derivations.TryGetValue(node.OpType, out var derive))
                throw new GradientExportException(
                    $"no input-gradient derivation for op {node.OpType} (node '{node.Name}'); supported: {string.Join(", ", SupportedOps)}");
            derive(node, dY, backward);
        }

        string inputGradient = backward.GradientOf(Input)
            ?? throw new GradientExportException($"'{Logits}' does not depend on '{Input}'");
        graph.Node.Add(Node("Identity", InputGradient, [inputGradient], [InputGradient]));
        SetOutputs(graph, input, logits, batch);
        SetOpset(model);
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelFormat.Keys.Graph, Value = ModelFormat.Graphs.InputGradient });
        return model;
    }

    /// <summary>loss = softmax cross-entropy per example; its gradient with respect to the logits is softmax - one-hot.</summary>
    private static void AddLoss(GraphProto graph, BackwardGraph backward, long classes)
    {
        graph.Node.Add(Node("SoftmaxCrossEntropyLoss", Loss, [Logits, Label], [Loss], String("reduction", "none")));
        string probabilities = backward.Emit("Softmax", [Logits], "probabilities", Int("axis", 1));
        string depth = backward.Int64Constant("classes", [1], classes);
        string offOn = backward.FloatConstant("one_hot_values", [2], 0f, 1f);
        string oneHot = backward.Emit("OneHot", [Label, depth, offOn], "one_hot", Int("axis", -1));
        backward.AddGradient(Logits, backward.Emit("Sub", [probabilities, oneHot], "logits_grad"));
    }

    private static long ClassCount(BackwardGraph backward, ValueInfoProto logits)
    {
        long declared = logits.Type.TensorType.Shape?.Dim.ElementAtOrDefault(1)?.DimValue ?? 0;
        long classes = backward.Shapes.Of(Logits)?.ElementAtOrDefault(1) ?? declared;
        return classes > 0 ? classes : throw new GradientExportException($"cannot tell the number of classes from '{Logits}'");
    }

    private static string BatchDimension(ValueInfoProto input)
    {
        string symbol = input.Type.TensorType.Shape?.Dim.FirstOrDefault()?.DimParam ?? "";
        return symbol.Length > 0 ? symbol : "batch";
    }

    private static void SetOutputs(GraphProto graph, ValueInfoProto input, ValueInfoProto logits, string batch)
    {
        var inputGradient = input.Clone();
        inputGradient.Name = InputGradient;
        graph.Output.Clear();
        graph.Output.Add(logits);
        graph.Output.Add(Value(Loss, TensorProto.Types.DataType.Float, batch));
        graph.Output.Add(inputGradient);
    }

    /// <summary>ScatterElements with reduction "add" needs opset 16; the toolkit writes 17.</summary>
    private static void SetOpset(ModelProto model)
    {
        var onnx = model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");
        if (onnx is null) model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        else onnx.Version = Math.Max(onnx.Version, Opset);
    }
}
