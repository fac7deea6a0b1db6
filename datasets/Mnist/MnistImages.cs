using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.Mnist;

/// <summary>MNIST digits as stored: 28x28 grey bytes per image, row-major, 0 = background; labels 0-9.</summary>
public sealed class MnistImages
{
    public const int Rows = 28;
    public const int Columns = 28;
    public const int PixelsPerImage = Rows * Columns;

    public static readonly IReadOnlyList<string> ClassNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public MnistImages(byte[] pixels, byte[] labels)
    {
        if (pixels.Length != labels.Length * PixelsPerImage)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not hold {labels.Length} images");
        Pixels = pixels;
        Labels = labels;
    }

    public byte[] Pixels { get; }
    public byte[] Labels { get; }
    public int Count => Labels.Length;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    public int[] CountPerClass() => LabelCounts.PerClass(Labels, ClassNames.Count);
}
