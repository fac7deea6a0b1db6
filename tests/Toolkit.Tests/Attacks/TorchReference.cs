using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Toolkit.Tests.Attacks;

public sealed record ReferenceResult(float[] Logits, float[] Loss, float[] InputGradient);

/// <summary>Computes a <see cref="MiniNet"/> with TorchSharp's functional ops on the same weights, and its input gradient by autograd.</summary>
public static class TorchReference
{
    public static ReferenceResult Run(MiniNet net, float[] pixels, long[] labels)
    {
        using var scope = NewDisposeScope();
        int count = labels.Length;
        var input = tensor(pixels, [count, net.Channels, net.Size, net.Size]).requires_grad_(true);
        var x = input;
        foreach (var layer in net.Layers) x = Apply(layer, x);

        var loss = cross_entropy(x, tensor(labels), reduction: nn.Reduction.None);
        loss.sum().backward();
        return new ReferenceResult(Values(x), Values(loss), Values(input.grad!));
    }

    private static Tensor Apply(Layer layer, Tensor x) => layer switch
    {
        Normalize n => (x - PerChannel(n.Mean)) / PerChannel(n.Std),
        Conv c => conv2d(x, tensor(c.Weight, [c.Out, c.In, c.Kernel, c.Kernel]), tensor(c.Bias),
            strides: [c.Stride, c.Stride], padding: [c.Pad, c.Pad]),
        Relu => relu(x),
        MaxPool p => max_pool2d(x, [p.Kernel, p.Kernel], [p.Stride, p.Stride]),
        Flatten => x.flatten(1),
        Linear l => linear(x, tensor(l.Weight, [l.Out, l.In]), tensor(l.Bias)),
        Tanh => x.tanh(),
        _ => throw new ArgumentException($"no reference for {layer}"),
    };

    private static Tensor PerChannel(float[] values) => tensor(values, [1, values.Length, 1, 1]);

    private static float[] Values(Tensor t) => t.detach().contiguous().data<float>().ToArray();
}
