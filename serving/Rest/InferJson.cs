using System.Text.Json;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Rest;

/// <summary>
/// The REST inference body of the Open Inference Protocol and Triton's binary tensor data extension: a JSON
/// object, optionally followed by raw tensor bytes whose JSON length the <c>Inference-Header-Content-Length</c>
/// header gives. Binary inputs carry <c>parameters.binary_data_size</c>; outputs are returned binary when asked by
/// <c>parameters.binary_data</c> on the output or <c>parameters.binary_data_output</c> on the request.
/// </summary>
public static class InferJson
{
    public const string HeaderLengthHeader = "Inference-Header-Content-Length";
    private const string BinaryDataSize = "binary_data_size";

    public static InferRequest Read(ReadOnlyMemory<byte> body, int? headerLength)
    {
        if (headerLength is < 0 || headerLength > body.Length)
            throw new TensorException($"{HeaderLengthHeader} is {headerLength}, the body has {body.Length} bytes");
        int jsonLength = headerLength ?? body.Length;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body[..jsonLength]);
        }
        catch (JsonException e)
        {
            throw new TensorException($"malformed JSON request: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new TensorException("the request must be a JSON object");
            var binary = body[jsonLength..];
            var inputs = ReadInputs(root, jsonLength, ref binary);
            if (binary.Length > 0) throw new TensorException($"{binary.Length} bytes of binary data after the last binary input");
            return new InferRequest(OptionalString(root, "id"), inputs, ReadOutputs(root), Flag(root, "binary_data_output"));
        }
    }

    private static List<Tensor> ReadInputs(JsonElement root, int jsonLength, ref ReadOnlyMemory<byte> binary)
    {
        if (!root.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array || inputs.GetArrayLength() == 0)
            throw new TensorException("the request needs an 'inputs' array");
        var tensors = new List<Tensor>();
        foreach (var input in inputs.EnumerateArray())
        {
            string name = RequiredString(input, "name", "input");
            string typeName = RequiredString(input, "datatype", $"input '{name}'");
            var type = Datatype.FromName(typeName) ?? throw new TensorException($"input '{name}': datatype '{typeName}' is not served (use one of {string.Join(", ", Datatype.All)})");
            var shape = ReadShape(input, name);
            long count = Tensor.ElementsOf(shape);

            byte[] data;
            long? size = BinarySize(input);
            if (size is long bytes)
            {
                if (bytes > binary.Length) throw new TensorException($"input '{name}': binary_data_size {bytes}, only {binary.Length} bytes left in the body");
                data = binary[..(int)bytes].ToArray();
                binary = binary[(int)bytes..];
            }
            else if (input.TryGetProperty("data", out var json))
            {
                // Each JSON element takes at least two bytes ("0,"), so a larger shape cannot be what the body holds.
                if (count > jsonLength) throw new TensorException($"input '{name}': shape [{string.Join(", ", shape)}] needs {count} elements, more than the request carries");
                data = JsonTensorData.Read(json, type, count, name);
            }
            else
            {
                throw new TensorException($"input '{name}' has neither 'data' nor parameters.{BinaryDataSize}");
            }
            tensors.Add(new Tensor(name, type, shape, data));
        }
        return tensors;
    }

    private static long[] ReadShape(JsonElement input, string name)
    {
        if (!input.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array)
            throw new TensorException($"input '{name}' needs a 'shape' array");
        return shape.EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out long v) && v >= 0
            ? v
            : throw new TensorException($"input '{name}': shape {shape.GetRawText()} must hold whole numbers >= 0")).ToArray();
    }

    private static long? BinarySize(JsonElement tensor)
    {
        if (!tensor.TryGetProperty("parameters", out var parameters) || !parameters.TryGetProperty(BinaryDataSize, out var size)) return null;
        return size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out long bytes) && bytes >= 0
            ? bytes
            : throw new TensorException($"{BinaryDataSize} must be a whole number of bytes, got {size.GetRawText()}");
    }

    private static List<RequestedOutput> ReadOutputs(JsonElement root)
    {
        if (!root.TryGetProperty("outputs", out var outputs)) return [];
        if (outputs.ValueKind != JsonValueKind.Array) throw new TensorException("'outputs' must be an array");
        bool binaryByDefault = Flag(root, "binary_data_output");
        return outputs.EnumerateArray().Select(o =>
        {
            bool binary = o.TryGetProperty("parameters", out var p) && p.TryGetProperty("binary_data", out var b)
                ? b.ValueKind == JsonValueKind.True
                : binaryByDefault;
            return new RequestedOutput(RequiredString(o, "name", "output"), binary);
        }).ToList();
    }

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string RequiredString(JsonElement element, string property, string what) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new TensorException($"{what} needs a '{property}' string");

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The response body, and the JSON header's length when binary outputs follow it (else null).</summary>
    public static (byte[] Body, int? HeaderLength) Write(InferResponse response)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("model_name", response.ModelName);
            writer.WriteString("model_version", response.ModelVersion);
            if (response.Id is not null) writer.WriteString("id", response.Id);
            writer.WriteStartArray("outputs");
            foreach (var (tensor, binary) in response.Outputs)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tensor.Name);
                writer.WriteString("datatype", tensor.Datatype.Name);
                writer.WriteStartArray("shape");
                foreach (long d in tensor.Shape) writer.WriteNumberValue(d);
                writer.WriteEndArray();
                if (binary)
                {
                    writer.WriteStartObject("parameters");
                    writer.WriteNumber(BinaryDataSize, tensor.Data.Length);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WritePropertyName("data");
                    JsonTensorData.Write(writer, tensor);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        int headerLength = (int)stream.Length;
        bool anyBinary = false;
        foreach (var (tensor, binary) in response.Outputs)
        {
            if (!binary) continue;
            stream.Write(tensor.Data);
            anyBinary = true;
        }
        return (stream.ToArray(), anyBinary ? headerLength : null);
    }
}
