using System.Buffers.Binary;
using System.Text.Json;

namespace Toolkit.Serving.Tensors;

/// <summary>
/// The protocol's JSON <c>data</c> field: row-major elements, flattened or nested in arrays, read into and
/// written from the little-endian bytes of a <see cref="Tensor"/>.
/// </summary>
public static class JsonTensorData
{
    /// <summary>Reads a JSON data array of <paramref name="count"/> elements of <paramref name="type"/>.</summary>
    public static byte[] Read(JsonElement data, Datatype type, long count, string tensorName)
    {
        if (data.ValueKind != JsonValueKind.Array) throw new TensorException($"input '{tensorName}': 'data' must be an array");
        var bytes = new byte[checked(count * type.Size)];
        long written = 0;
        Walk(data);
        if (written != count) throw new TensorException($"input '{tensorName}': 'data' holds {written} elements, its shape needs {count}");
        return bytes;

        void Walk(JsonElement element)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Array) { Walk(item); continue; }
                if (written >= count) throw new TensorException($"input '{tensorName}': 'data' holds more elements than its shape's {count}");
                Write(bytes.AsSpan((int)(written * type.Size), type.Size), item, type, tensorName);
                written++;
            }
        }
    }

    private static void Write(Span<byte> target, JsonElement value, Datatype type, string tensorName)
    {
        try
        {
            switch (type.Name)
            {
                case "BOOL":
                    target[0] = value.ValueKind switch
                    {
                        JsonValueKind.True => 1,
                        JsonValueKind.False => 0,
                        _ => throw new TensorException($"input '{tensorName}': BOOL data must be true or false, got {value}"),
                    };
                    break;
                case "UINT8": target[0] = value.GetByte(); break;
                case "INT8": target[0] = (byte)value.GetSByte(); break;
                case "UINT16": BinaryPrimitives.WriteUInt16LittleEndian(target, value.GetUInt16()); break;
                case "INT16": BinaryPrimitives.WriteInt16LittleEndian(target, value.GetInt16()); break;
                case "UINT32": BinaryPrimitives.WriteUInt32LittleEndian(target, value.GetUInt32()); break;
                case "INT32": BinaryPrimitives.WriteInt32LittleEndian(target, value.GetInt32()); break;
                case "UINT64": BinaryPrimitives.WriteUInt64LittleEndian(target, value.GetUInt64()); break;
                case "INT64": BinaryPrimitives.WriteInt64LittleEndian(target, value.GetInt64()); break;
                case "FP16": BinaryPrimitives.WriteHalfLittleEndian(target, (Half)value.GetDouble()); break;
                case "FP32": BinaryPrimitives.WriteSingleLittleEndian(target, (float)value.GetDouble()); break;
                case "FP64": BinaryPrimitives.WriteDoubleLittleEndian(target, value.GetDouble()); break;
                default: throw new TensorException($"input '{tensorName}': datatype {type} cannot be sent as JSON data");
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw new TensorException($"input '{tensorName}': {value.GetRawText()} is not a {type} value");
        }
    }

    /// <summary>Writes a tensor's elements as one flat JSON array.</summary>
    public static void Write(Utf8JsonWriter writer, Tensor tensor)
    {
        writer.WriteStartArray();
        var data = tensor.Data.AsSpan();
        int size = tensor.Datatype.Size;
        for (int at = 0; at + size <= data.Length; at += size)
        {
            var element = data.Slice(at, size);
            switch (tensor.Datatype.Name)
            {
                case "BOOL": writer.WriteBooleanValue(element[0] != 0); break;
                case "UINT8": writer.WriteNumberValue(element[0]); break;
                case "INT8": writer.WriteNumberValue((sbyte)element[0]); break;
                case "UINT16": writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(element)); break;
                case "INT16": writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(element)); break;
                case "UINT32": writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(element)); break;
                case "INT32": writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(element)); break;
                case "UINT64": writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(element)); break;
                case "INT64": writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(element)); break;
                case "FP16": writer.WriteNumberValue((float)BinaryPrimitives.ReadHalfLittleEndian(element)); break;
                case "FP32": writer.WriteNumberValue(BinaryPrimitives.ReadSingleLittleEndian(element)); break;
                case "FP64": writer.WriteNumberValue(BinaryPrimitives.ReadDoubleLittleEndian(element)); break;
            }
        }
        writer.WriteEndArray();
    }
}
