using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Repository;

/// <summary>A model input or output as the protocol describes it: name, datatype, shape with -1 for a variable dimension.</summary>
public sealed record TensorSpec(string Name, Datatype Datatype, long[] Shape)
{
    /// <summary>True when the first dimension is variable, so requests may carry any number of examples.</summary>
    public bool IsBatched => Shape.Length > 0 && Shape[0] == -1;
}
