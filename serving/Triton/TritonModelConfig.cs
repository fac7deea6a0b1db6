using Toolkit.Serving.Repository;

namespace Toolkit.Serving.Triton;

/// <summary>An input or output of Triton's ModelConfig: dims leave out the batch dimension when max_batch_size &gt; 0.</summary>
public sealed record TritonTensor(string Name, string DataType, long[] Dims, long[]? Reshape = null, string? LabelFilename = null);

/// <summary>
/// The part of Triton's <c>ModelConfig</c> (common/protobuf/model_config.proto) that a toolkit model needs, built
/// from the ONNX graph: written as config.pbtxt by <c>export triton</c> and answered as JSON by the config route.
/// </summary>
public sealed record TritonModelConfig(
    string Name,
    string Platform,
    int MaxBatchSize,
    IReadOnlyList<TritonTensor> Inputs,
    IReadOnlyList<TritonTensor> Outputs,
    long MaxQueueDelayMicroseconds,
    string InstanceKind,
    int InstanceCount)
{
    public const string OnnxPlatform = "onnxruntime_onnx";
    public const string LabelsFile = "labels.txt";

    /// <summary>Instance kinds of model_config.proto's InstanceGroup.Kind that the exporter offers.</summary>
    public static readonly IReadOnlyList<string> InstanceKinds = ["KIND_AUTO", "KIND_CPU", "KIND_GPU"];

    public static TritonModelConfig For(ServedModel model, int maxBatchSize, long maxQueueDelayMicroseconds, string instanceKind = "KIND_AUTO")
    {
        int batch = model.CanBatch ? maxBatchSize : 0;
        var inputs = model.Inputs.Select(i => Tensor(i, batch, null)).ToList();
        string? labelled = model.Info.IsClassifier
            ? model.Outputs.FirstOrDefault(o => o.Shape.Length == 2 && o.Shape[1] == model.Info.Classes.Count)?.Name
            : null;
        var outputs = model.Outputs.Select(o => Tensor(o, batch, o.Name == labelled ? LabelsFile : null)).ToList();
        return new TritonModelConfig(model.Name, OnnxPlatform, batch, inputs, outputs, maxQueueDelayMicroseconds, instanceKind, 1);
    }

    /// <summary>
    /// A per-example scalar (shape [-1]) has no dims left without its batch dimension; Triton wants at least one,
    /// so it is declared as dims [1] reshaped to [] (the form model_config.proto documents for this case).
    /// </summary>
    private static TritonTensor Tensor(TensorSpec spec, int maxBatchSize, string? labels)
    {
        var dims = maxBatchSize > 0 ? spec.Shape.Skip(1).ToArray() : spec.Shape;
        return dims.Length == 0
            ? new TritonTensor(spec.Name, spec.Datatype.TritonName, [1], [], labels)
            : new TritonTensor(spec.Name, spec.Datatype.TritonName, dims, null, labels);
    }
}
