using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Inference;

/// <summary>Checks a request's input tensors against a model's inputs and puts them in the model's order.</summary>
public static class InputCheck
{
    /// <summary>The inputs in model order and the number of examples they carry (1 for models without a batch dimension).</summary>
    public static (IReadOnlyList<Tensor> Inputs, int BatchSize) Order(ServedModel model, IReadOnlyList<Tensor> inputs, int maxBatch)
    {
        var byName = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!model.Inputs.Any(i => i.Name == input.Name))
                throw new TensorException($"model '{model.Name}' has no input '{input.Name}'; inputs: {string.Join(", ", model.Inputs.Select(i => i.Name))}");
            if (!byName.TryAdd(input.Name, input)) throw new TensorException($"input '{input.Name}' given twice");
        }

        var ordered = new List<Tensor>(model.Inputs.Count);
        foreach (var spec in model.Inputs)
        {
            if (!byName.TryGetValue(spec.Name, out var input)) throw new TensorException($"input '{spec.Name}' missing for model '{model.Name}'");
            Check(spec, input);
            ordered.Add(input);
        }

        if (!model.CanBatch) return (ordered, 1);
        long batch = ordered[0].Shape[0];
        if (ordered.Any(i => i.Shape[0] != batch))
            throw new TensorException($"inputs disagree on the batch size: {string.Join(", ", ordered.Select(i => $"{i.Name} {i.ShapeText}"))}");
        if (batch < 1 || batch > maxBatch) throw new TensorException($"batch of {batch} examples; this server takes 1 to {maxBatch} per request");
        return (ordered, (int)batch);
    }

    private static void Check(TensorSpec spec, Tensor input)
    {
        if (input.Datatype != spec.Datatype)
            throw new TensorException($"input '{spec.Name}': datatype {input.Datatype} given, the model takes {spec.Datatype}");
        bool shapeFits = input.Shape.Length == spec.Shape.Length
            && input.Shape.Zip(spec.Shape).All(d => d.First >= 0 && (d.Second == -1 || d.First == d.Second));
        if (!shapeFits)
            throw new TensorException($"input '{spec.Name}': shape {input.ShapeText} given, the model takes [{string.Join(", ", spec.Shape)}] (-1: any size)");
        long expected = input.ElementCount * input.Datatype.Size;
        if (input.Data.LongLength != expected)
            throw new TensorException($"input '{spec.Name}': {input.Data.LongLength} bytes given, shape {input.ShapeText} of {input.Datatype} needs {expected}");
    }
}
