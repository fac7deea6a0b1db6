namespace Toolkit.Tests.Attacks;

/// <summary>A layer of a small test network, with its weights as flat arrays in TorchSharp's layout.</summary>
public abstract record Layer;

public sealed record Normalize(float[] Mean, float[] Std) : Layer;

public sealed record Conv(int In, int Out, int Kernel, int Stride, int Pad, float[] Weight, float[] Bias) : Layer;

public sealed record Relu : Layer;

public sealed record MaxPool(int Kernel, int Stride) : Layer;

/// <summary>Flatten from axis 1; as an ONNX Flatten node, or as Reshape to [-1, features].</summary>
public sealed record Flatten(bool AsReshape = false) : Layer;

/// <summary>y = x W^T + b with W [Out, In]; exported as Gemm(transB=1), Gemm(transB=0) on W^T, or MatMul + Add.</summary>
public sealed record Linear(int In, int Out, float[] Weight, float[] Bias, LinearForm Form = LinearForm.GemmTransB) : Layer;

public enum LinearForm { GemmTransB, Gemm, MatMulAdd }

/// <summary>An op the gradient export has no derivation for.</summary>
public sealed record Tanh : Layer;

/// <summary>A network in miniature: [N, Channels, Size, Size] pixels in, logits over Classes out.</summary>
public sealed record MiniNet(string Arch, int Channels, int Size, IReadOnlyList<string> Classes, IReadOnlyList<Layer> Layers)
{
    public int InputSize => Channels * Size * Size;
}
