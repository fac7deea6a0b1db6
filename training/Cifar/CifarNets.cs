using Toolkit.Datasets.Cifar;
using Toolkit.Training.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Cifar;

/// <summary>Builds the CIFAR-10 networks; each takes [N, 3, 32, 32] pixels in [0, 1] and returns logits.</summary>
public static class CifarNets
{
    public const int Classes = 10;
    private const int Side = CifarImages.Height;
    private static readonly float[] HalfPerChannel = [0.5f, 0.5f, 0.5f];

    public static Sequential Build(CifarNetConfig config)
    {
        var model = nn.Sequential();
        if (config.NormalizesInput) model.append("normalize", new Normalize(HalfPerChannel, HalfPerChannel));
        foreach (var (name, layer) in Layers(config)) model.append(name, layer);
        return model;
    }

    private static IEnumerable<(string, nn.Module<Tensor, Tensor>)> Layers(CifarNetConfig config) => config.Arch switch
    {
        CifarArchitecture.Logreg => [("flatten", nn.Flatten()), ("linear", nn.Linear(CifarImages.PixelsPerImage, Classes))],
        CifarArchitecture.Mlp =>
        [
            ("flatten", nn.Flatten()),
            ("hidden", nn.Linear(CifarImages.PixelsPerImage, config.Hidden)),
            ("relu", nn.ReLU()),
            ("output", nn.Linear(config.Hidden, Classes)),
        ],
        CifarArchitecture.Conv => Conv(config),
        CifarArchitecture.Lenet => Lenet(config),
        CifarArchitecture.Fast => Fast(config),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Arch, "unknown architecture"),
    };

    /// <summary>Side of the feature map after an unpadded k-convolution and a non-overlapping p-pool.</summary>
    public static int ConvPoolSide(int side, int kernel, int pool)
    {
        int pooled = (side - kernel + 1) / pool;
        if (pooled < 1)
            throw new ArgumentException($"kernel {kernel} and pool {pool} leave no pixels of a {side}x{side} map");
        return pooled;
    }

    private static (string, nn.Module<Tensor, Tensor>)[] Conv(CifarNetConfig c)
    {
        int side = ConvPoolSide(Side, c.Kernel, c.Pool);
        return
        [
            ("conv", nn.Conv2d(3, c.Hidden, c.Kernel)),
            ("relu", nn.ReLU()),
            ("pool", nn.MaxPool2d(c.Pool)),
            ("flatten", nn.Flatten()),
            ("output", nn.Linear(c.Hidden * side * side, Classes)),
        ];
    }

    private static (string, nn.Module<Tensor, Tensor>)[] Lenet(CifarNetConfig c)
    {
        int side = ConvPoolSide(ConvPoolSide(Side, c.Kernel, c.Pool), c.Kernel, c.Pool);
        return
        [
            ("conv1", nn.Conv2d(3, c.O1, c.Kernel)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(c.Pool)),
            ("conv2", nn.Conv2d(c.O1, c.O2, c.Kernel)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(c.Pool)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(c.O2 * side * side, c.O3)),
            ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(c.O3, c.O4)),
            ("relu4", nn.ReLU()),
            ("output", nn.Linear(c.O4, Classes)),
        ];
    }

    /// <summary>
    /// A residual batch-norm network in the manner of the fast CIFAR-10 training recipes (ResNet-9 at reduced
    /// widths): a k x k stem (k = 3 by default), then three stages that each widen, pool the map and normalize, the
    /// first and last with a residual pair of convolutions; a max pool over what is left and one linear layer give
    /// the logits.
    /// </summary>
    private static (string, nn.Module<Tensor, Tensor>)[] Fast(CifarNetConfig c) =>
    [
        ("stem", ConvBnRelu(3, c.O1, c.Kernel, pool: 1)),
        ("stage1", ConvBnRelu(c.O1, c.O2, c.Kernel, c.Pool)),
        ("residual1", ResidualPair(c.O2, c.Kernel)),
        ("stage2", ConvBnRelu(c.O2, c.O3, c.Kernel, c.Pool)),
        ("stage3", ConvBnRelu(c.O3, c.O4, c.Kernel, c.Pool)),
        ("residual3", ResidualPair(c.O4, c.Kernel)),
        ("pool", nn.MaxPool2d(Side / (c.Pool * c.Pool * c.Pool))),
        ("flatten", nn.Flatten()),
        ("output", nn.Linear(c.O4, Classes, hasBias: false)),
    ];

    private static Residual ResidualPair(int channels, int kernel) =>
        new(nn.Sequential(("a", ConvBnRelu(channels, channels, kernel, 1)), ("b", ConvBnRelu(channels, channels, kernel, 1))));

    /// <summary>
    /// A size-keeping convolution without bias (odd <paramref name="kernel"/>), an optional max pool (before the
    /// normalization, which is then cheaper), batch norm and ReLU.
    /// </summary>
    private static Sequential ConvBnRelu(int inputs, int outputs, int kernel, int pool)
    {
        var block = nn.Sequential(("conv", nn.Conv2d(inputs, outputs, kernel, padding: kernel / 2, bias: false)));
        if (pool > 1) block.append("pool", nn.MaxPool2d(pool));
        block.append("bn", nn.BatchNorm2d(outputs));
        block.append("relu", nn.ReLU());
        return block;
    }
}
