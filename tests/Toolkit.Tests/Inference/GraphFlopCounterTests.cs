using Onnx;
using Toolkit.Inference.Benchmarks;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class GraphFlopCounterTests
{
    [Fact]
    public void CountsAHandBuiltGraphOperatorByOperator()
    {
        // input [N, 3, 8, 8] → Conv 4×3×3×3 pad 1 (+bias) → Relu → MaxPool 2×2 stride 2 → Flatten → Gemm 64→10 (+bias)
        var graph = new GraphProto { Name = "hand-built" };
        graph.Input.Add(Input("input", 3, 8, 8));
        graph.Initializer.Add(Tensor("conv.w", 4, 3, 3, 3));
        graph.Initializer.Add(Tensor("conv.b", 4));
        graph.Initializer.Add(Tensor("fc.w", 10, 64));
        graph.Initializer.Add(Tensor("fc.b", 10));
        graph.Node.Add(Node("Conv", ["input", "conv.w", "conv.b"], "c", Ints("pads", 1, 1, 1, 1), Ints("kernel_shape", 3, 3)));
        graph.Node.Add(Node("Relu", ["c"], "r"));
        graph.Node.Add(Node("MaxPool", ["r"], "p", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)));
        graph.Node.Add(Node("Flatten", ["p"], "f", Int("axis", 1)));
        graph.Node.Add(Node("Gemm", ["f", "fc.w", "fc.b"], "logits", Int("transB", 1)));

        var flops = GraphFlopCounter.Count(new ModelProto { Graph = graph });

        long conv = 2L * (4 * 8 * 8) * 3 * 9 + 4 * 8 * 8;   // a multiply-add per weight and output, a bias add per output
        long relu = 4 * 8 * 8;
        long pool = 4 * 4 * 4 * 4;                          // 16 outputs per channel, 4 window elements each
        long gemm = 2L * 64 * 10 + 10;
        Assert.Equal(conv, Flops(flops, "Conv"));
        Assert.Equal(relu, Flops(flops, "Relu"));
        Assert.Equal(pool, Flops(flops, "MaxPool"));
        Assert.Equal(0, Flops(flops, "Flatten"));
        Assert.Equal(gemm, Flops(flops, "Gemm"));
        Assert.Equal(conv + relu + pool + gemm, flops.PerExample);
    }

    [Fact]
    public void StridedGroupedConvolutionAndMatMulFollowTheirShapes()
    {
        // input [N, 4, 9, 9] → Conv 6×2×3×3, group 2, stride 2, no padding → [N, 6, 4, 4] → Flatten → MatMul [96, 5]
        var graph = new GraphProto();
        graph.Input.Add(Input("x", 4, 9, 9));
        graph.Initializer.Add(Tensor("w", 6, 2, 3, 3));
        graph.Initializer.Add(Tensor("m", 96, 5));
        graph.Node.Add(Node("Conv", ["x", "w"], "c", Int("group", 2), Ints("strides", 2, 2), Ints("kernel_shape", 3, 3)));
        graph.Node.Add(Node("Flatten", ["c"], "f"));
        graph.Node.Add(Node("MatMul", ["f", "m"], "y"));

        var flops = GraphFlopCounter.Count(new ModelProto { Graph = graph });

        Assert.Equal(2L * (6 * 4 * 4) * 2 * 9, Flops(flops, "Conv"));
        Assert.Equal(2L * 96 * 5, Flops(flops, "MatMul"));
    }

    [Fact]
    public void AnUnknownOperatorIsNamed()
    {
        var graph = new GraphProto();
        graph.Input.Add(Input("x", 3, 4, 4));
        graph.Node.Add(Node("Einsum", ["x"], "y"));
        var error = Assert.Throws<InvalidDataException>(() => GraphFlopCounter.Count(new ModelProto { Graph = graph }));
        Assert.Contains("Einsum", error.Message);
    }

    private static long Flops(GraphFlops flops, string opType) => flops.ByOperator.Single(o => o.OpType == opType).Flops;

    private static ValueInfoProto Input(string name, params long[] shapeAfterBatch)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (long d in shapeAfterBatch) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static TensorProto Tensor(string name, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static NodeProto Node(string opType, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }
}
