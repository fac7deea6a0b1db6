using System.Text.Json;

namespace Toolkit.Serving.Triton;

/// <summary>
/// Writes a <see cref="TritonModelConfig"/> as the JSON form Triton's model configuration extension answers:
/// ModelConfig's proto field names, dims as numbers.
/// </summary>
public static class ConfigJson
{
    public static void Write(Utf8JsonWriter writer, TritonModelConfig config)
    {
        writer.WriteStartObject();
        writer.WriteString("name", config.Name);
        writer.WriteString("platform", config.Platform);
        writer.WriteNumber("max_batch_size", config.MaxBatchSize);
        Tensors(writer, "input", config.Inputs);
        Tensors(writer, "output", config.Outputs);
        if (config.MaxBatchSize > 0)
        {
            writer.WriteStartObject("dynamic_batching");
            writer.WriteNumber("max_queue_delay_microseconds", config.MaxQueueDelayMicroseconds);
            writer.WriteEndObject();
        }
        writer.WriteStartArray("instance_group");
        writer.WriteStartObject();
        writer.WriteNumber("count", config.InstanceCount);
        writer.WriteString("kind", config.InstanceKind);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Tensors(Utf8JsonWriter writer, string field, IReadOnlyList<TritonTensor> tensors)
    {
        writer.WriteStartArray(field);
        foreach (var tensor in tensors)
        {
            writer.WriteStartObject();
            writer.WriteString("name", tensor.Name);
            writer.WriteString("data_type", tensor.DataType);
            Numbers(writer, "dims", tensor.Dims);
            if (tensor.Reshape is not null)
            {
                writer.WriteStartObject("reshape");
                Numbers(writer, "shape", tensor.Reshape);
                writer.WriteEndObject();
            }
            if (tensor.LabelFilename is not null) writer.WriteString("label_filename", tensor.LabelFilename);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter writer, string field, long[] values)
    {
        writer.WriteStartArray(field);
        foreach (long value in values) writer.WriteNumberValue(value);
        writer.WriteEndArray();
    }
}
