using Google.Protobuf;
using Onnx;

namespace Toolkit.Export;

/// <summary>
/// Small builders and readers for the ONNX protobuf classes, so graph code reads as ops, not as protobuf: the one way
/// the toolkit builds ONNX graphs in code (forward graphs, gradient graphs, the topic encoder, transfer graphs).
/// </summary>
public static class OnnxProto
{
    public static NodeProto Node(string op, string name, IEnumerable<string> inputs, IEnumerable<string> outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static TensorProto FloatTensor(string name, long[] dims, IEnumerable<float> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        return tensor;
    }

    /// <summary>A float tensor stored as little-endian raw_data, the compact form for weights.</summary>
    public static TensorProto RawFloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return tensor;
    }

    public static TensorProto Int64Tensor(string name, long[] dims, IEnumerable<long> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.Int64Data.AddRange(values);
        return tensor;
    }

    /// <summary>A tensor type with a shape; a string dimension is symbolic (e.g. "batch").</summary>
    public static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = Convert.ToInt64(dim) });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public static long GetInt(this NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    public static float GetFloat(this NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.F : fallback;

    public static string GetString(this NodeProto node, string name, string fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.S.ToStringUtf8() : fallback;

    /// <summary>An ints attribute, or <paramref name="fallback"/> when absent or empty.</summary>
    public static long[] GetInts(this NodeProto node, string name, long[] fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { Ints.Count: > 0 } attribute ? attribute.Ints.ToArray() : fallback;

    /// <summary>The values of an int64 tensor, stored as int64_data or as little-endian raw_data.</summary>
    public static long[] Int64Values(this TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Int64)
            throw new InvalidDataException($"tensor '{tensor.Name}' is not int64");
        if (tensor.Int64Data.Count > 0) return tensor.Int64Data.ToArray();
        var raw = tensor.RawData.Span;
        var values = new long[raw.Length / sizeof(long)];
        for (int i = 0; i < values.Length; i++) values[i] = BitConverter.ToInt64(raw.Slice(i * sizeof(long), sizeof(long)));
        return values;
    }
}
