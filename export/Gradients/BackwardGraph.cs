using Onnx;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Export.Gradients;

/// <summary>
/// The gradient graph under construction: emits nodes and constants with unique names, and keeps, for each
/// forward tensor that depends on the input, the name of its gradient (summing when it feeds several nodes).
/// </summary>
public sealed class BackwardGraph
{
    // Shape computations never carry a gradient, so their outputs do not depend on the input differentiably.
    private static readonly HashSet<string> ShapeOps = ["Shape", "Size"];

    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _constants = new();
    private readonly HashSet<string> _dependsOnInput = new();
    private readonly Dictionary<string, string> _gradients = new();
    private int _counter;

    public BackwardGraph(GraphProto graph, string input)
    {
        _graph = graph;
        foreach (var initializer in graph.Initializer) _constants[initializer.Name] = initializer;
        foreach (var node in graph.Node.Where(n => n.OpType == "Constant" && n.Attribute.Any(a => a.Name == "value")))
        {
            var value = node.Attribute.First(a => a.Name == "value").T.Clone();
            value.Name = node.Output[0];
            _constants[node.Output[0]] = value;
        }
        Shapes = new StaticShapes(graph, Constant);
        TraceDependence(input);
    }

    public StaticShapes Shapes { get; }

    public TensorProto? Constant(string name) => _constants.GetValueOrDefault(name);

    public bool DependsOnInput(string tensor) => _dependsOnInput.Contains(tensor);

    public string? GradientOf(string tensor) => _gradients.GetValueOrDefault(tensor);

    /// <summary>Records a gradient contribution; a tensor used twice gets the sum of both.</summary>
    public void AddGradient(string tensor, string gradient) =>
        _gradients[tensor] = _gradients.TryGetValue(tensor, out string? existing)
            ? Emit("Add", [existing, gradient], tensor + "_grad_sum")
            : gradient;

    /// <summary>Appends a node with one output and returns that output's name.</summary>
    public string Emit(string op, string[] inputs, string hint, params AttributeProto[] attributes) =>
        EmitOutputs(op, inputs, [hint], attributes)[0];

    public string[] EmitOutputs(string op, string[] inputs, string[] hints, params AttributeProto[] attributes)
    {
        string[] outputs = hints.Select(UniqueName).ToArray();
        _graph.Node.Add(Node(op, UniqueName(op), inputs, outputs, attributes));
        return outputs;
    }

    public string FloatConstant(string hint, long[] dims, params float[] values) => AddConstant(FloatTensor(UniqueName(hint), dims, values));

    public string Int64Constant(string hint, long[] dims, params long[] values) => AddConstant(Int64Tensor(UniqueName(hint), dims, values));

    public GradientExportException Unsupported(NodeProto node, string why) =>
        new($"cannot derive the input gradient of {node.OpType} node '{node.Name}': {why}");

    private string AddConstant(TensorProto tensor)
    {
        _graph.Initializer.Add(tensor);
        _constants[tensor.Name] = tensor;
        return tensor.Name;
    }

    public string UniqueName(string hint) => $"grad/{hint}/{_counter++}";

    private void TraceDependence(string input)
    {
        _dependsOnInput.Add(input);
        foreach (var node in _graph.Node)
            if (!ShapeOps.Contains(node.OpType) && node.Input.Any(_dependsOnInput.Contains))
                foreach (string output in node.Output) _dependsOnInput.Add(output);
    }
}
