using System.Runtime.InteropServices;
using Google.Protobuf;
using Toolkit.Serving.Grpc.Protocol;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Grpc;

/// <summary>Reads gRPC input tensors (raw contents or the typed <c>InferTensorContents</c> fields) into protocol tensors.</summary>
public static class GrpcTensors
{
    public static IReadOnlyList<Tensor> Inputs(ModelInferRequest request)
    {
        bool raw = request.RawInputContents.Count > 0;
        if (raw && request.RawInputContents.Count != request.Inputs.Count)
            throw new TensorException($"raw_input_contents has {request.RawInputContents.Count} entries for {request.Inputs.Count} inputs");

        return request.Inputs.Select((input, i) =>
        {
            var type = Datatype.FromName(input.Datatype)
                ?? throw new TensorException($"input '{input.Name}': datatype '{input.Datatype}' is not served (use one of {string.Join(", ", Datatype.All)})");
            var shape = input.Shape.ToArray();
            if (shape.Any(d => d < 0)) throw new TensorException($"input '{input.Name}': shape [{string.Join(", ", shape)}] has a negative dimension");
            if (raw && input.Contents is not null) throw new TensorException($"input '{input.Name}': contents and raw_input_contents both given");
            byte[] data = raw ? request.RawInputContents[i].ToByteArray() : Typed(input.Contents, type, input.Name);
            return new Tensor(input.Name, type, shape, data);
        }).ToList();
    }

    private static byte[] Typed(InferTensorContents? contents, Datatype type, string name)
    {
        if (contents is null) throw new TensorException($"input '{name}' has neither contents nor raw_input_contents");
        return type.Name switch
        {
            "BOOL" => contents.BoolContents.Select(b => b ? (byte)1 : (byte)0).ToArray(),
            "INT8" => contents.IntContents.Select(v => (byte)(sbyte)v).ToArray(),
            "UINT8" => contents.UintContents.Select(v => (byte)v).ToArray(),
            "INT16" => Bytes(contents.IntContents.Select(v => (short)v).ToArray()),
            "UINT16" => Bytes(contents.UintContents.Select(v => (ushort)v).ToArray()),
            "INT32" => Bytes(contents.IntContents.ToArray()),
            "UINT32" => Bytes(contents.UintContents.ToArray()),
            "INT64" => Bytes(contents.Int64Contents.ToArray()),
            "UINT64" => Bytes(contents.Uint64Contents.ToArray()),
            "FP32" => Bytes(contents.Fp32Contents.ToArray()),
            "FP64" => Bytes(contents.Fp64Contents.ToArray()),
            _ => throw new TensorException($"input '{name}': {type} data must be sent in raw_input_contents"),
        };
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static ByteString Raw(Tensor tensor) => UnsafeByteOperations.UnsafeWrap(tensor.Data);
}
