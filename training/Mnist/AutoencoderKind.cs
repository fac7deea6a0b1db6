namespace Toolkit.Training.Mnist;

/// <summary>F1 (<c>linear</c>): Linear, Linear. F2 (<c>relu</c>): Linear, ReLU, Linear, ReLU.</summary>
public enum AutoencoderKind { Linear, Relu }
