namespace Toolkit.Tests.Attacks;

/// <summary>
/// The architectures of EXPERIMENTS.md section 2 in miniature on 3x32x32 input, with seeded random weights.
/// Their pooling windows do not tile the input (conv: 28 rows, windows of 8; lenet: 28 and 5 rows, windows of 3),
/// and "variants" covers what an exporter may also emit: strided padded Conv, overlapping MaxPool, Reshape,
/// MatMul + Add and Gemm without transB.
/// </summary>
public static class MiniNets
{
    public static readonly string[] CifarClasses = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    public static IReadOnlyList<string> Names => ["logreg", "mlp", "conv", "lenet", "variants", "blocks"];

    public static MiniNet Create(string arch, int seed = 1)
    {
        var random = new Random(seed);
        Layer[] layers = arch switch
        {
            "logreg" => [new Flatten(), Dense(random, 3072, 10)],
            "mlp" => [new Flatten(), Dense(random, 3072, 16), new Relu(), Dense(random, 16, 10)],
            "conv" => [Normalization(), Convolution(random, 3, 4, 5), new Relu(), new MaxPool(8, 8), new Flatten(), Dense(random, 4 * 3 * 3, 10)],
            "lenet" =>
            [
                Normalization(), Convolution(random, 3, 6, 5), new Relu(), new MaxPool(3, 3),
                Convolution(random, 6, 5, 5), new Relu(), new MaxPool(3, 3), new Flatten(),
                Dense(random, 5, 12), new Relu(), Dense(random, 12, 8), new Relu(), Dense(random, 8, 10),
            ],
            "variants" =>
            [
                Normalization(), Convolution(random, 3, 4, 3, stride: 2, pad: 1), new Relu(), new MaxPool(3, 2),
                new Flatten(AsReshape: true), Dense(random, 4 * 7 * 7, 12, LinearForm.MatMulAdd), new Relu(),
                Dense(random, 12, 10, LinearForm.Gemm),
            ],
            // A same-size convolution reading a whole channel block: its input gradient is a Conv with the flipped weight.
            "blocks" =>
            [
                Normalization(), Convolution(random, 3, 16, 3, pad: 1), new Relu(), Convolution(random, 16, 8, 3, pad: 1), new Relu(),
                new MaxPool(4, 4), new Flatten(), Dense(random, 8 * 8 * 8, 10),
            ],
            "tanh" => [new Flatten(), Dense(random, 3072, 10), new Tanh()],
            _ => throw new ArgumentException($"unknown test architecture {arch}"),
        };
        return new MiniNet(arch, 3, 32, CifarClasses, layers);
    }

    /// <summary>Uniform [0, 1) pixels for <paramref name="count"/> images and labels in [0, classes).</summary>
    public static (float[] Pixels, long[] Labels) Batch(MiniNet net, int count, int seed)
    {
        var random = new Random(seed);
        var pixels = Enumerable.Range(0, count * net.InputSize).Select(_ => random.NextSingle()).ToArray();
        var labels = Enumerable.Range(0, count).Select(_ => (long)random.Next(net.Classes.Count)).ToArray();
        return (pixels, labels);
    }

    private static Normalize Normalization() => new([0.49f, 0.48f, 0.45f], [0.25f, 0.24f, 0.26f]);

    private static Conv Convolution(Random random, int inputs, int outputs, int kernel, int stride = 1, int pad = 0)
    {
        int fanIn = inputs * kernel * kernel;
        return new Conv(inputs, outputs, kernel, stride, pad, Uniform(random, outputs * fanIn, fanIn), Uniform(random, outputs, fanIn));
    }

    private static Linear Dense(Random random, int inputs, int outputs, LinearForm form = LinearForm.GemmTransB) =>
        new(inputs, outputs, Uniform(random, outputs * inputs, inputs), Uniform(random, outputs, inputs), form);

    /// <summary>TorchSharp's default initialization range, ±1/sqrt(fan in).</summary>
    private static float[] Uniform(Random random, int count, int fanIn)
    {
        float bound = 1f / MathF.Sqrt(fanIn);
        return Enumerable.Range(0, count).Select(_ => (random.NextSingle() * 2 - 1) * bound).ToArray();
    }
}
