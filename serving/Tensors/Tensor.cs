namespace Toolkit.Serving.Tensors;

/// <summary>
/// A named tensor as the protocol carries it: datatype, shape and its elements as little-endian, row-major
/// bytes (the binary extension's and gRPC raw contents' layout, and ONNX Runtime's).
/// </summary>
public sealed record Tensor(string Name, Datatype Datatype, long[] Shape, byte[] Data)
{
    public long ElementCount => ElementsOf(Shape);

    public static long ElementsOf(IEnumerable<long> shape)
    {
        try
        {
            return shape.Aggregate(1L, (a, b) => checked(a * b));
        }
        catch (OverflowException)
        {
            throw new TensorException($"shape [{string.Join(", ", shape)}] has more elements than a tensor can hold");
        }
    }

    /// <summary>The elements of an FP32 tensor as floats.</summary>
    public float[] AsFloats()
    {
        if (Datatype != Datatype.Fp32) throw new TensorException($"tensor '{Name}' is {Datatype.Name}, not FP32");
        var values = new float[Data.Length / sizeof(float)];
        Buffer.BlockCopy(Data, 0, values, 0, values.Length * sizeof(float));
        return values;
    }

    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
