namespace Toolkit.Serving.Tensors;

/// <summary>A request's tensor that does not fit the model: wrong name, datatype, shape or byte count (HTTP 400).</summary>
public sealed class TensorException(string message) : Exception(message);
