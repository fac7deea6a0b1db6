using Toolkit.Datasets.Cifar;
using static TorchSharp.torch;

namespace Toolkit.Training.Data;

/// <summary>A split held in memory once: uint8 images [N, C, H, W] and int64 labels [N].</summary>
public sealed class ImageTensors : IDisposable
{
    public ImageTensors(Tensor images, Tensor labels)
    {
        if (images.shape[0] != labels.shape[0])
            throw new ArgumentException($"{images.shape[0]} images but {labels.shape[0]} labels");
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }
    public Tensor Labels { get; }
    public int Count => (int)Labels.shape[0];

    public static ImageTensors FromCifar(CifarImages cifar)
    {
        var images = tensor(cifar.Pixels, [cifar.Count, CifarImages.Channels, CifarImages.Height, CifarImages.Width]);
        var labels = tensor(cifar.Labels, [cifar.Count]).to_type(ScalarType.Int64);
        return new ImageTensors(images, labels);
    }

    /// <summary>The images at the given indices, as a new split.</summary>
    public ImageTensors Select(Tensor indices) =>
        new(Images.index_select(0, indices), Labels.index_select(0, indices));

    public ImageTensors Take(int count) => Select(arange(Math.Min(count, Count), dtype: ScalarType.Int64));

    /// <summary>Pixels as float32 in [0, 1].</summary>
    public static Tensor ToUnitFloat(Tensor bytes) => bytes.to_type(ScalarType.Float32).div_(255f);

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
