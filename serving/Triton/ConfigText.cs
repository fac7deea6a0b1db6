using System.Text;

namespace Toolkit.Serving.Triton;

/// <summary>Writes a <see cref="TritonModelConfig"/> as config.pbtxt: the ModelConfig message in protobuf text format.</summary>
public static class ConfigText
{
    public static string Write(TritonModelConfig config)
    {
        var text = new StringBuilder();
        text.Append($"name: {Quote(config.Name)}\n");
        text.Append($"platform: {Quote(config.Platform)}\n");
        text.Append($"max_batch_size: {config.MaxBatchSize}\n");
        Tensors(text, "input", config.Inputs);
        Tensors(text, "output", config.Outputs);
        if (config.MaxBatchSize > 0)
            text.Append($"dynamic_batching {{\n  max_queue_delay_microseconds: {config.MaxQueueDelayMicroseconds}\n}}\n");
        text.Append($"instance_group [\n  {{\n    count: {config.InstanceCount}\n    kind: {config.InstanceKind}\n  }}\n]\n");
        return text.ToString();
    }

    private static void Tensors(StringBuilder text, string field, IReadOnlyList<TritonTensor> tensors)
    {
        text.Append($"{field} [\n");
        for (int i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            text.Append("  {\n");
            text.Append($"    name: {Quote(tensor.Name)}\n");
            text.Append($"    data_type: {tensor.DataType}\n");
            text.Append($"    dims: [ {string.Join(", ", tensor.Dims)} ]\n");
            if (tensor.Reshape is not null) text.Append(tensor.Reshape.Length == 0 ? "    reshape: { shape: [ ] }\n" : $"    reshape: {{ shape: [ {string.Join(", ", tensor.Reshape)} ] }}\n");
            if (tensor.LabelFilename is not null) text.Append($"    label_filename: {Quote(tensor.LabelFilename)}\n");
            text.Append(i == tensors.Count - 1 ? "  }\n" : "  },\n");
        }
        text.Append("]\n");
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
