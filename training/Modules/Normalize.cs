using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Training.Modules;

/// <summary>
/// Per-channel <c>(x - mean) / std</c> on NCHW input, as the network's first layer, so the network
/// itself takes [0, 1] pixels; the exporter writes it as Sub and Div nodes.
/// </summary>
public sealed class Normalize : nn.Module<Tensor, Tensor>
{
    private readonly Tensor mean;
    private readonly Tensor std;

    public Normalize(float[] mean, float[] std) : base(nameof(Normalize))
    {
        if (mean.Length != std.Length) throw new ArgumentException("mean and std need one value per channel");
        Mean = mean;
        Std = std;
        this.mean = tensor(mean).reshape(1, mean.Length, 1, 1);
        this.std = tensor(std).reshape(1, std.Length, 1, 1);
        register_buffer(nameof(mean), this.mean, persistent: false);
        register_buffer(nameof(std), this.std, persistent: false);
    }

    public float[] Mean { get; }
    public float[] Std { get; }

    public override Tensor forward(Tensor input) => (input - mean) / std;
}
