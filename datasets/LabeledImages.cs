using Toolkit.Datasets.Io;

namespace Toolkit.Datasets;

/// <summary>Images of one fixed size stored back to back as bytes, each with a class label.</summary>
public abstract class LabeledImages
{
    protected LabeledImages(byte[] pixels, byte[] labels, int pixelsPerImage, int classCount)
    {
        if (pixels.Length != (long)labels.Length * pixelsPerImage)
            throw new ArgumentException($"{pixels.Length} pixel bytes do not hold {labels.Length} images");
        Pixels = pixels;
        Labels = labels;
        PixelsPerImage = pixelsPerImage;
        ClassCount = classCount;
    }

    public byte[] Pixels { get; }
    public byte[] Labels { get; }
    public int Count => Labels.Length;
    private int PixelsPerImage { get; }
    private int ClassCount { get; }

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);

    /// <summary>Images [first, first + count) as float pixels in [0, 1], back to back.</summary>
    public float[] Floats(int first, int count) => UnitPixels.Convert(Pixels.AsSpan(first * PixelsPerImage, count * PixelsPerImage));

    public int[] CountPerClass() => LabelCounts.PerClass(Labels, ClassCount);
}
