using Toolkit.Datasets;
using Toolkit.Datasets.Mnist;
using static TorchSharp.torch;

namespace Toolkit.Training.Mnist;

/// <summary>MNIST as the autoencoders see it: float32 [N, 784], pixels / 255.</summary>
public static class MnistPixels
{
    public static Tensor Load(string folder, bool train) => FromImages(MnistReader.ReadSplit(folder, train));

    public static Tensor FromImages(MnistImages images)
    {
        return tensor(images.Floats(0, images.Count), [images.Count, MnistImages.PixelsPerImage]);
    }

    /// <summary>sha256 of the training split's files, by file name.</summary>
    public static IReadOnlyDictionary<string, string> TrainChecksums(string folder) =>
        Directory.EnumerateFiles(folder, "train-*")
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToDictionary(p => Path.GetFileName(p), FileChecksums.Sha256);
}
