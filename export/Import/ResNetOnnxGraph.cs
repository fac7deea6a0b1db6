using Onnx;
using Toolkit.Export.Gradients;

namespace Toolkit.Export.Import;

/// <summary>A convolution and the batch normalization right after it, as ONNX nodes.</summary>
public sealed record ConvBatchNorm(NodeProto Conv, NodeProto BatchNorm);

/// <summary>One residual block: two conv-BN pairs on the main path and, where the shape changes, a conv-BN shortcut.</summary>
public sealed record ResidualBlockNodes(ConvBatchNorm First, ConvBatchNorm Second, ConvBatchNorm? Shortcut)
{
    public long Channels(Func<string, long[]> shapeOf) => shapeOf(Second.Conv.Input[1])[0];
}

/// <summary>
/// The structure of a ResNet ONNX graph with basic blocks, read from the graph's connections rather than from node
/// names or order (the CNTK export lists a block's shortcut conv before its main path): the stem conv-BN, then one
/// entry per residual Add in graph order, each with its main path and shortcut traced back to the block's input.
/// </summary>
public sealed class ResNetOnnxGraph
{
    private readonly Dictionary<string, NodeProto> producers = new();
    private readonly IReadOnlyList<NodeProto> nodes;
    private readonly Dictionary<string, TensorProto> initializers;

    public ResNetOnnxGraph(ModelProto model)
    {
        var graph = model.Graph;
        nodes = graph.Node;
        initializers = graph.Initializer.ToDictionary(t => t.Name);
        foreach (var node in graph.Node)
            foreach (string output in node.Output) producers[output] = node;

        string input = graph.Input.Select(i => i.Name).FirstOrDefault(n => !initializers.ContainsKey(n))
            ?? throw new InvalidDataException("the ResNet graph has no data input");
        var stemConv = graph.Node.FirstOrDefault(n => n.OpType == "Conv" && n.Input[0] == input)
            ?? throw new InvalidDataException($"no Conv reads the graph input '{input}'");
        Stem = new ConvBatchNorm(stemConv, BatchNormAfter(stemConv));
        Blocks = graph.Node.Where(n => n.OpType == "Add").Select(Block).ToList();

        int convs = graph.Node.Count(n => n.OpType == "Conv");
        int mapped = 1 + Blocks.Sum(b => b.Shortcut is null ? 2 : 3);
        if (convs != mapped)
            throw new InvalidDataException($"the graph has {convs} Conv nodes but its stem and {Blocks.Count} residual blocks account for {mapped}");
    }

    public ConvBatchNorm Stem { get; }
    public IReadOnlyList<ResidualBlockNodes> Blocks { get; }

    public TensorProto Initializer(string name) => initializers.TryGetValue(name, out var tensor)
        ? tensor
        : throw new InvalidDataException($"'{name}' is not an initializer (weights computed in the graph are not supported)");

    public long[] ShapeOf(string initializer) => Initializer(initializer).Dims.ToArray();

    /// <summary>Blocks per stage: a stage is a run of consecutive blocks with the same number of output channels.</summary>
    public int[] StageBlocks()
    {
        var stages = new List<int>();
        long channels = -1;
        foreach (var block in Blocks)
        {
            long c = block.Channels(ShapeOf);
            if (c != channels) { stages.Add(0); channels = c; }
            stages[^1]++;
        }
        return stages.ToArray();
    }

    private ResidualBlockNodes Block(NodeProto add)
    {
        if (add.Input.Count != 2) throw new InvalidDataException($"Add node '{add.Name}' has {add.Input.Count} inputs, not 2");
        var (a, originA) = Chain(add.Input[0]);
        var (b, originB) = Chain(add.Input[1]);
        if (originA != originB)
            throw new InvalidDataException($"the two paths into Add '{add.Name}' start from different tensors ('{originA}', '{originB}')");
        var (main, shortcut) = a.Count >= b.Count ? (a, b) : (b, a);
        if (main.Count != 2 || shortcut.Count > 1)
            throw new InvalidDataException(
                $"Add '{add.Name}' is not a basic residual block: paths of {main.Count} and {shortcut.Count} conv-BN pairs (expected 2 and 0 or 1)");
        return new ResidualBlockNodes(main[0], main[1], shortcut.SingleOrDefault());
    }

    /// <summary>
    /// Walks back from a tensor through BN ← Conv (← Relu ← BN ← Conv ...) and returns the pairs in data-flow order
    /// with the tensor the path starts from. A Relu is crossed only when a BN feeds it (inside a block); the Relu
    /// after a residual Add, or the stem's MaxPool, is where a block's input comes from.
    /// </summary>
    private (List<ConvBatchNorm> Pairs, string Origin) Chain(string tensor)
    {
        var pairs = new List<ConvBatchNorm>();
        while (Producer(tensor) is { OpType: "BatchNormalization" } bn)
        {
            var conv = Producer(bn.Input[0]) is { OpType: "Conv" } c
                ? c
                : throw new InvalidDataException($"BatchNormalization '{bn.Name}' does not follow a Conv");
            pairs.Insert(0, new ConvBatchNorm(conv, bn));
            tensor = conv.Input[0];
            if (Producer(tensor) is { OpType: "Relu" } relu && Producer(relu.Input[0]) is { OpType: "BatchNormalization" })
                tensor = relu.Input[0];
            else break;
        }
        return (pairs, tensor);
    }

    private NodeProto BatchNormAfter(NodeProto conv)
    {
        var bn = nodes.FirstOrDefault(n => n.OpType == "BatchNormalization" && n.Input[0] == conv.Output[0]);
        return bn ?? throw new InvalidDataException(
            $"Conv '{conv.Name}' is not followed by BatchNormalization (graphs with batch norm folded into the convs are not supported)");
    }

    private NodeProto? Producer(string tensor) => producers.GetValueOrDefault(tensor);
}
