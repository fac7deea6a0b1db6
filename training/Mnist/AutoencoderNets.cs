using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Mnist;

/// <summary>The MNIST autoencoders as plain Sequentials of Linear and ReLU, so the general exporter walks them.</summary>
public static class AutoencoderNets
{
    public const int Pixels = 784;

    public static Sequential Build(AutoencoderKind kind, int hidden) => kind switch
    {
        AutoencoderKind.Linear => nn.Sequential(
            ("encoder", nn.Linear(Pixels, hidden)),
            ("decoder", nn.Linear(hidden, Pixels))),
        AutoencoderKind.Relu => nn.Sequential(
            ("encoder", nn.Linear(Pixels, hidden)),
            ("encoder_relu", nn.ReLU()),
            ("decoder", nn.Linear(hidden, Pixels)),
            ("decoder_relu", nn.ReLU())),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown autoencoder kind"),
    };

    /// <summary>The name of a model file and run folder, e.g. <c>mnist-ae-relu-h64</c>.</summary>
    public static string Name(AutoencoderKind kind, int hidden) => $"mnist-ae-{kind.ToString().ToLowerInvariant()}-h{hidden}";
}
