namespace Toolkit.Export.Ir;

/// <summary>A weight or bias as exported: row-major float32 values and their shape.</summary>
public sealed record WeightTensor(long[] Shape, float[] Values);

/// <summary>
/// One layer of a feed-forward network, in the order data flows through it: the intermediate
/// representation between TorchSharp modules and ONNX nodes. Graph builders (the forward graph here,
/// an input-gradient graph later) work op by op on this list.
/// </summary>
public abstract record LayerOp(string Name);

/// <summary>(x - mean) / std with per-channel constants, broadcast over [N, C, ...].</summary>
public sealed record NormalizeOp(string Name, float[] Mean, float[] Std) : LayerOp(Name);

/// <summary>x W^T + b, W shaped [out, in].</summary>
public sealed record LinearOp(string Name, WeightTensor Weight, WeightTensor? Bias) : LayerOp(Name);

/// <summary>2-D convolution, W shaped [out, in / groups, kH, kW]; Pads as [top, left, bottom, right].</summary>
public sealed record ConvOp(string Name, WeightTensor Weight, WeightTensor? Bias, long[] Strides, long[] Pads, long[] Dilations, long Groups)
    : LayerOp(Name);

public sealed record MaxPoolOp(string Name, long[] Kernel, long[] Strides, long[] Pads, long[] Dilations, bool CeilMode) : LayerOp(Name);

/// <summary>Flattens every dimension after the batch into one.</summary>
public sealed record FlattenOp(string Name) : LayerOp(Name);

public sealed record ReluOp(string Name) : LayerOp(Name);

/// <summary>
/// Batch normalization with its running statistics (inference semantics, as a module in eval mode):
/// y = (x - Mean) / sqrt(Var + Epsilon) * Scale + Bias per channel of [N, C, H, W].
/// </summary>
public sealed record BatchNormOp(string Name, float[] Scale, float[] Bias, float[] Mean, float[] Var, double Epsilon) : LayerOp(Name)
{
    /// <summary>The per-channel factor Scale / sqrt(Var + Epsilon) that multiplies the input.</summary>
    public float[] Factor() => Scale.Select((s, c) => (float)(s / Math.Sqrt(Var[c] + Epsilon))).ToArray();
}

/// <summary>
/// A residual block: Main(x) + Shortcut(x), where an empty Shortcut is the identity (TorchVision's BasicBlock
/// without, or with, its downsample conv and batch norm). The ReLU after the sum is a separate op.
/// </summary>
public sealed record ResidualOp(string Name, IReadOnlyList<LayerOp> Main, IReadOnlyList<LayerOp> Shortcut) : LayerOp(Name);

/// <summary>Mirrors [N, C, H, W] left to right: a MatMul by the Width x Width anti-identity, which the gradient graph supports.</summary>
public sealed record FlipWidthOp(string Name, long Width) : LayerOp(Name);

/// <summary>Mean over each channel's whole spatial extent: [N, C, H, W] to [N, C, 1, 1].</summary>
public sealed record GlobalAveragePoolOp(string Name) : LayerOp(Name);

/// <summary>Nearest-neighbour upsampling of [N, C, H, W] by an integer Factor on both spatial axes (each pixel becomes a Factor x Factor block).</summary>
public sealed record UpsampleNearestOp(string Name, int Factor) : LayerOp(Name);
