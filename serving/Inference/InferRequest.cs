using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Inference;

/// <summary>An output a client asks for; <paramref name="Binary"/>: returned through the binary tensor data extension.</summary>
public sealed record RequestedOutput(string Name, bool Binary);

/// <summary>
/// An inference request as both protocols carry it: the optional id to echo, the input tensors, and the outputs
/// asked for (none: every output, binary when <paramref name="BinaryByDefault"/>).
/// </summary>
public sealed record InferRequest(string? Id, IReadOnlyList<Tensor> Inputs, IReadOnlyList<RequestedOutput> Outputs, bool BinaryByDefault);

/// <summary>The answer: the model and version that ran, the id echoed, the outputs in the order asked.</summary>
public sealed record InferResponse(string ModelName, string ModelVersion, string? Id, IReadOnlyList<(Tensor Tensor, bool Binary)> Outputs);
