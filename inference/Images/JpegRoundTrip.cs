using SkiaSharp;

namespace Toolkit.Inference.Images;

/// <summary>
/// Encodes an RGB image as JPEG at a given quality and decodes it again: the loss a JPEG copy of the image has,
/// used to make training images look like JPEG-degraded test images.
/// </summary>
public static class JpegRoundTrip
{
    /// <summary>A CHW RGB byte image after a JPEG encode at <paramref name="quality"/> (1-100) and decode.</summary>
    public static byte[] Apply(ReadOnlySpan<byte> chw, int height, int width, int quality)
    {
        if (quality is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(quality), quality, "JPEG quality is 1 to 100");
        using var bitmap = PngWriter.ToBitmap(chw, 3, height, width);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        using var decoded = SKBitmap.Decode(encoded)
            ?? throw new InvalidOperationException("SkiaSharp could not decode the JPEG it had just encoded");
        using var rgba = decoded.ColorType == SKColorType.Rgba8888 ? decoded.Copy() : decoded.Copy(SKColorType.Rgba8888);
        var pixels = rgba.GetPixelSpan();
        int plane = height * width;
        var output = new byte[3 * plane];
        for (int i = 0; i < plane; i++)
        {
            output[i] = pixels[4 * i];
            output[plane + i] = pixels[4 * i + 1];
            output[2 * plane + i] = pixels[4 * i + 2];
        }
        return output;
    }
}
