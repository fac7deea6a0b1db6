using Toolkit.Training.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Transfer;

/// <summary>
/// The fine-tuning classifier: [N, 3, 32, 32] pixels in [0, 1] → per-channel normalization → nearest-neighbour
/// upsampling by an integer factor to the training resolution → ResNet with a new 10-way fc.
/// </summary>
public static class FineTuneNet
{
    public const int InputSize = 32;

    public static Sequential Build(ResNet resnet, float[] mean, float[] std, int resolution)
    {
        int factor = UpsampleFactor(resolution);
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("normalize", new Normalize(mean, std)) };
        if (factor > 1) layers.Add(("upsample", nn.Upsample(scale_factor: [factor, factor], mode: UpsampleMode.Nearest)));
        layers.Add(("resnet", resnet));
        return nn.Sequential(layers);
    }

    public static int UpsampleFactor(int resolution) =>
        resolution >= InputSize && resolution % InputSize == 0
            ? resolution / InputSize
            : throw new ArgumentException($"--resolution {resolution}: use a multiple of {InputSize} (32, 64, 96, ...)");
}
