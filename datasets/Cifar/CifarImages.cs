namespace Toolkit.Datasets.Cifar;

/// <summary>CIFAR-10 images as stored: per image 3,072 bytes, 1,024 R then 1,024 G then 1,024 B (CHW, row-major).</summary>
public sealed class CifarImages(byte[] pixels, byte[] labels)
    : LabeledImages(pixels, labels, PixelsPerImage, ClassNames.Count)
{
    public const int Channels = 3;
    public const int Height = 32;
    public const int Width = 32;
    public const int PixelsPerImage = Channels * Height * Width;

    public static readonly IReadOnlyList<string> ClassNames =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>The images at the given indices, in that order.</summary>
    public CifarImages Select(IReadOnlyList<int> indices)
    {
        var pixels = new byte[indices.Count * PixelsPerImage];
        var labels = new byte[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * PixelsPerImage));
            labels[i] = Labels[indices[i]];
        }
        return new CifarImages(pixels, labels);
    }
}
