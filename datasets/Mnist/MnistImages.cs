namespace Toolkit.Datasets.Mnist;

/// <summary>MNIST digits as stored: 28x28 grey bytes per image, row-major, 0 = background; labels 0-9.</summary>
public sealed class MnistImages(byte[] pixels, byte[] labels)
    : LabeledImages(pixels, labels, PixelsPerImage, ClassNames.Count)
{
    public const int Rows = 28;
    public const int Columns = 28;
    public const int PixelsPerImage = Rows * Columns;

    public static readonly IReadOnlyList<string> ClassNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
}
