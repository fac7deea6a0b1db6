using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Toolkit.Tests.Attacks;

public sealed record ReferenceResult(float[] Logits, float[] Loss, float[] InputGradient);

/// <summary>
/// Computes a <see cref="MiniNet"/> with TorchSharp's functional ops on the same weights, and its input gradient by
/// autograd, in float64. In float32 libtorch 2.10 runs convolutions through oneDNN, whose input gradient is wrong on
/// AMD EPYC (AVX-512) when a convolution has fewer than 16 output channels (relative errors of 0.3 and NaN, varying
/// from run to run); the float64 kernels are libtorch's own.
/// </summary>
public static class TorchReference
{
    public static ReferenceResult Run(MiniNet net, float[] pixels, long[] labels)
    {
        using var scope = NewDisposeScope();
        int count = labels.Length;
        var input = Float64(pixels, [count, net.Channels, net.Size, net.Size]).requires_grad_(true);
        var x = input;
        foreach (var layer in net.Layers) x = Apply(layer, x);

        var loss = cross_entropy(x, tensor(labels), reduction: nn.Reduction.None);
        loss.sum().backward();
        return new ReferenceResult(Values(x), Values(loss), Values(input.grad!));
    }

    private static Tensor Apply(Layer layer, Tensor x) => layer switch
    {
        Normalize n => (x - PerChannel(n.Mean)) / PerChannel(n.Std),
        Conv c => conv2d(x, Float64(c.Weight, [c.Out, c.In, c.Kernel, c.Kernel]), Float64(c.Bias, [c.Out]),
            strides: [c.Stride, c.Stride], padding: [c.Pad, c.Pad]),
        Relu => relu(x),
        MaxPool p => max_pool2d(x, [p.Kernel, p.Kernel], [p.Stride, p.Stride]),
        Flatten => x.flatten(1),
        Linear l => linear(x, Float64(l.Weight, [l.Out, l.In]), Float64(l.Bias, [l.Out])),
        Tanh => x.tanh(),
        _ => throw new ArgumentException($"no reference for {layer}"),
    };

    private static Tensor PerChannel(float[] values) => Float64(values, [1, values.Length, 1, 1]);

    private static Tensor Float64(float[] values, long[] shape) => tensor(values, shape).to(float64);

    private static float[] Values(Tensor t) => t.detach().to(float32).contiguous().data<float>().ToArray();
}
