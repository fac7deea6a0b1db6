using SkiaSharp;
using Toolkit.Datasets;

namespace Toolkit.Inference.Images;

/// <summary>Writes planar (CHW) pixel data, one or three channels, as a PNG file.</summary>
public static class PngWriter
{
    public static void Save(ReadOnlySpan<byte> chw, int channels, int height, int width, string path)
    {
        using var bitmap = ToBitmap(chw, channels, height, width);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, data.AsSpan());
    }

    /// <summary>Writes [0, 1] floats (CHW), clipped and rounded to bytes.</summary>
    public static void Save(ReadOnlySpan<float> chw, int channels, int height, int width, string path) =>
        Save(ToBytes(chw), channels, height, width, path);

    public static SKBitmap ToBitmap(ReadOnlySpan<byte> chw, int channels, int height, int width)
    {
        if (channels != 1 && channels != 3) throw new ArgumentException($"cannot write {channels} channels as PNG");
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = bitmap.GetPixelSpan();
        int plane = width * height;
        for (int i = 0; i < plane; i++)
        {
            pixels[4 * i] = chw[i];
            pixels[4 * i + 1] = chw[channels == 3 ? plane + i : i];
            pixels[4 * i + 2] = chw[channels == 3 ? 2 * plane + i : i];
            pixels[4 * i + 3] = 255;
        }
        return bitmap;
    }

    /// <summary>[0, 1] floats to bytes, clipped and rounded as a PNG stores them.</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Math.Round(Math.Clamp(values[i], 0f, 1f) * 255f);
        return bytes;
    }
}
