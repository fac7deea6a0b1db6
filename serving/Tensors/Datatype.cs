using Microsoft.ML.OnnxRuntime.Tensors;

namespace Toolkit.Serving.Tensors;

/// <summary>
/// One tensor element type under its three names: the Open Inference Protocol's (<c>FP32</c>), Triton's
/// model configuration's (<c>TYPE_FP32</c>) and ONNX Runtime's.
/// </summary>
public sealed record Datatype(string Name, string TritonName, TensorElementType OnnxType, int Size)
{
    public static readonly Datatype Bool = new("BOOL", "TYPE_BOOL", TensorElementType.Bool, 1);
    public static readonly Datatype UInt8 = new("UINT8", "TYPE_UINT8", TensorElementType.UInt8, 1);
    public static readonly Datatype UInt16 = new("UINT16", "TYPE_UINT16", TensorElementType.UInt16, 2);
    public static readonly Datatype UInt32 = new("UINT32", "TYPE_UINT32", TensorElementType.UInt32, 4);
    public static readonly Datatype UInt64 = new("UINT64", "TYPE_UINT64", TensorElementType.UInt64, 8);
    public static readonly Datatype Int8 = new("INT8", "TYPE_INT8", TensorElementType.Int8, 1);
    public static readonly Datatype Int16 = new("INT16", "TYPE_INT16", TensorElementType.Int16, 2);
    public static readonly Datatype Int32 = new("INT32", "TYPE_INT32", TensorElementType.Int32, 4);
    public static readonly Datatype Int64 = new("INT64", "TYPE_INT64", TensorElementType.Int64, 8);
    public static readonly Datatype Fp16 = new("FP16", "TYPE_FP16", TensorElementType.Float16, 2);
    public static readonly Datatype Fp32 = new("FP32", "TYPE_FP32", TensorElementType.Float, 4);
    public static readonly Datatype Fp64 = new("FP64", "TYPE_FP64", TensorElementType.Double, 8);

    public static IReadOnlyList<Datatype> All { get; } = [Bool, UInt8, UInt16, UInt32, UInt64, Int8, Int16, Int32, Int64, Fp16, Fp32, Fp64];

    /// <summary>The protocol name, e.g. <c>FP32</c>; null for a name the server does not carry (BYTES among them).</summary>
    public static Datatype? FromName(string name) => All.FirstOrDefault(d => d.Name == name);

    public static Datatype FromOnnx(TensorElementType type) =>
        All.FirstOrDefault(d => d.OnnxType == type) ?? throw new NotSupportedException($"ONNX element type {type} has no Open Inference Protocol datatype here");

    public override string ToString() => Name;
}
