using Onnx;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Emits the backward nodes of one forward node: given the gradient of its first output, adds the gradients of
/// those of its inputs that depend on the model input.
/// </summary>
public delegate void Derivation(NodeProto node, string outputGradient, BackwardGraph graph);
