using Microsoft.ML.OnnxRuntime;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Repository;

/// <summary>
/// One version of one model in the repository, open in ONNX Runtime: its protocol name, its inputs and outputs
/// read from the graph, and a <see cref="Run"/> over protocol tensors. The file path never leaves the server.
/// </summary>
public sealed class ServedModel : ModelSession
{
    private ServedModel(string name, string version, string path, OpenedSession opened) : base(path, opened)
    {
        Name = name;
        Version = version;
        Inputs = Session.InputMetadata.Select(p => Spec(p.Key, p.Value)).ToList();
        Outputs = Session.OutputMetadata.Select(p => Spec(p.Key, p.Value)).ToList();
    }

    public string Name { get; }
    public string Version { get; }
    public IReadOnlyList<TensorSpec> Inputs { get; }
    public IReadOnlyList<TensorSpec> Outputs { get; }

    /// <summary>The graph's metadata_props (the model format's keys).</summary>
    public IReadOnlyDictionary<string, string> Metadata => Session.ModelMetadata.CustomMetadataMap;

    /// <summary>Every input and output has a variable first dimension, so requests can be stacked into one run.</summary>
    public bool CanBatch => Inputs.All(i => i.IsBatched) && Outputs.All(o => o.IsBatched);

    /// <summary>Opens a model file; one ONNX Runtime cannot load fails as SessionFactory reports it ("not an ONNX model").</summary>
    public static ServedModel Open(string name, string version, string path, ExecutionDevice device) =>
        new(name, version, path, SessionFactory.Open(path, device, spinning: true));

    /// <summary>Runs inputs already checked against <see cref="Inputs"/> (in that order) and returns every output.</summary>
    public IReadOnlyList<Tensor> Run(IReadOnlyList<Tensor> inputs)
    {
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var input in inputs)
            {
                var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, input.Datatype.OnnxType, input.Shape);
                values.Add(value);
                input.Data.CopyTo(value.GetTensorMutableRawData());
            }
            using var runOptions = new RunOptions();
            using var results = Session.Run(runOptions, inputs.Select(i => i.Name).ToArray(), values, Outputs.Select(o => o.Name).ToArray());
            return results.Select((result, i) => ToTensor(Outputs[i].Name, result)).ToList();
        }
        finally
        {
            foreach (var value in values) value.Dispose();
        }
    }

    private static Tensor ToTensor(string name, OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return new Tensor(name, Datatype.FromOnnx(info.ElementDataType), info.Shape, value.GetTensorMutableRawData().ToArray());
    }

    private static TensorSpec Spec(string name, NodeMetadata metadata) =>
        new(name, Datatype.FromOnnx(metadata.ElementDataType), metadata.Dimensions.Select(d => d < 0 ? -1L : d).ToArray());
}
