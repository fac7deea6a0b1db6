using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Toolkit.Format;
using static Toolkit.Export.OnnxProto;

namespace Toolkit.Tests.Attacks;

/// <summary>
/// Builds the forward ONNX graph of a <see cref="MiniNet"/> by hand, op for op as the exporter writes it
/// (normalization as Sub and Div by [1, C, 1, 1] constants first), with toolkit metadata.
/// </summary>
public static class ForwardGraphs
{
    public static ModelProto Build(MiniNet net, string dataset = "cifar10")
    {
        var graph = new GraphProto { Name = net.Arch };
        graph.Input.Add(Value("input", TensorProto.Types.DataType.Float, "batch", net.Channels, net.Size, net.Size));
        graph.Output.Add(Value("logits", TensorProto.Types.DataType.Float, "batch", net.Classes.Count));

        var writer = new LayerWriter(graph, [net.Channels, net.Size, net.Size]);
        foreach (var layer in net.Layers) writer.Add(layer);
        writer.Rename(writer.Current, "logits");

        var model = new ModelProto { IrVersion = 8, ProducerName = "toolkit-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        AddMetadata(model, ModelFormat.Keys.Task, "classification");
        AddMetadata(model, ModelFormat.Keys.Arch, net.Arch);
        AddMetadata(model, ModelFormat.Keys.Classes, JsonSerializer.Serialize(net.Classes));
        AddMetadata(model, ModelFormat.Keys.InputLayout, "NCHW");
        AddMetadata(model, ModelFormat.Keys.InputShape, $"[-1,{net.Channels},{net.Size},{net.Size}]");
        AddMetadata(model, ModelFormat.Keys.Dataset, dataset);
        return model;
    }

    public static string Write(MiniNet net, string folder, string dataset = "cifar10")
    {
        string path = Path.Combine(folder, net.Arch + ".onnx");
        File.WriteAllBytes(path, Build(net, dataset).ToByteArray());
        return path;
    }

    private static void AddMetadata(ModelProto model, string key, string value) =>
        model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    /// <summary>Appends layers one after another, tracking the current tensor and its shape (without batch).</summary>
    private sealed class LayerWriter(GraphProto graph, int[] shape)
    {
        private int _count;
        private int[] _shape = shape;

        public string Current { get; private set; } = "input";

        public void Add(Layer layer)
        {
            _count++;
            switch (layer)
            {
                case Normalize n:
                    long[] perChannel = [1, n.Mean.Length, 1, 1];
                    Op("Sub", [Current, Constant("mean", perChannel, n.Mean)]);
                    Op("Div", [Current, Constant("std", perChannel, n.Std)]);
                    break;
                case Conv c:
                    Op("Conv", [Current, Constant("weight", [c.Out, c.In, c.Kernel, c.Kernel], c.Weight), Constant("bias", [c.Out], c.Bias)],
                        Ints("kernel_shape", [c.Kernel, c.Kernel]), Ints("strides", [c.Stride, c.Stride]), Ints("pads", [c.Pad, c.Pad, c.Pad, c.Pad]));
                    _shape = [c.Out, .. _shape[1..].Select(s => (s + 2 * c.Pad - c.Kernel) / c.Stride + 1)];
                    break;
                case MaxPool p:
                    Op("MaxPool", [Current], Ints("kernel_shape", [p.Kernel, p.Kernel]), Ints("strides", [p.Stride, p.Stride]));
                    _shape = [_shape[0], .. _shape[1..].Select(s => (s - p.Kernel) / p.Stride + 1)];
                    break;
                case Flatten { AsReshape: true }:
                    _shape = [_shape.Aggregate(1, (a, b) => a * b)];
                    Op("Reshape", [Current, Int64Constant("shape", [-1, _shape[0]])]);
                    break;
                case Flatten:
                    Op("Flatten", [Current], Int("axis", 1));
                    _shape = [_shape.Aggregate(1, (a, b) => a * b)];
                    break;
                case Linear l:
                    AddLinear(l);
                    _shape = [l.Out];
                    break;
                case Relu:
                    Op("Relu", [Current]);
                    break;
                case Tanh:
                    Op("Tanh", [Current]);
                    break;
            }
        }

        private void AddLinear(Linear l)
        {
            var transposed = Transpose(l.Weight, l.Out, l.In);
            switch (l.Form)
            {
                case LinearForm.GemmTransB:
                    Op("Gemm", [Current, Constant("weight", [l.Out, l.In], l.Weight), Constant("bias", [l.Out], l.Bias)], Int("transB", 1));
                    break;
                case LinearForm.Gemm:
                    Op("Gemm", [Current, Constant("weight", [l.In, l.Out], transposed), Constant("bias", [l.Out], l.Bias)]);
                    break;
                case LinearForm.MatMulAdd:
                    Op("MatMul", [Current, Constant("weight", [l.In, l.Out], transposed)]);
                    Op("Add", [Current, Constant("bias", [l.Out], l.Bias)]);
                    break;
            }
        }

        /// <summary>Makes the last node write <paramref name="name"/> instead of <paramref name="tensor"/>.</summary>
        public void Rename(string tensor, string name)
        {
            var last = graph.Node[^1];
            last.Output[0] = last.Output[0] == tensor ? name : throw new InvalidOperationException("not the last output");
            Current = name;
        }

        private void Op(string op, string[] inputs, params AttributeProto[] attributes)
        {
            string output = $"{op.ToLowerInvariant()}{_count}_{graph.Node.Count}";
            graph.Node.Add(Node(op, output, inputs, [output], attributes));
            Current = output;
        }

        private string Constant(string name, long[] dims, float[] values)
        {
            string unique = $"{name}{_count}";
            graph.Initializer.Add(FloatTensor(unique, dims, values));
            return unique;
        }

        private string Int64Constant(string name, long[] values)
        {
            string unique = $"{name}{_count}";
            graph.Initializer.Add(Int64Tensor(unique, [values.Length], values));
            return unique;
        }

        private static float[] Transpose(float[] matrix, int rows, int columns)
        {
            var result = new float[matrix.Length];
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < columns; c++)
                    result[c * rows + r] = matrix[r * columns + c];
            return result;
        }
    }
}
