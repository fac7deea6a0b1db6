using System.Globalization;
using SkiaSharp;

namespace Toolkit.Inference.Images;

/// <summary>A file that is not a decodable image: empty, truncated, of no known format, or too large.</summary>
public class ImageDecodeException(string message) : Exception(message);

/// <summary>
/// An image whose header declares more pixels than the cap. A few megabytes of PNG can declare 20000x20000
/// pixels, 1.6 GB once decoded, so the size is checked before any pixel is decoded. (InvalidDataException is
/// sealed, so this is the decoder's own kind of refusal: every handler of bad images handles it too.)
/// </summary>
public sealed class ImageTooLargeException(string name, int width, int height, long maxPixels)
    : ImageDecodeException(string.Create(CultureInfo.InvariantCulture,
        $"{name}: {width}x{height} pixels is over the limit of {maxPixels:N0} pixels (raise it with --max-pixels)"))
{
    public int Width { get; } = width;
    public int Height { get; } = height;
    public long MaxPixels { get; } = maxPixels;
}

/// <summary>
/// Decodes PNG, JPEG, BMP (and whatever else Skia reads) of any colour type into unpremultiplied RGBA,
/// and refuses files that are empty, truncated, not images, or larger than a pixel cap.
/// </summary>
public static class ImageDecoder
{
    /// <summary>50 megapixels: 200 MB decoded, more than any camera photo, far less than a decompression bomb.</summary>
    public const long DefaultMaxPixels = 50_000_000;

    /// <summary>The width and height the image's header declares, read without decoding any pixel.</summary>
    public static (int Width, int Height) ReadDimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) throw new ImageDecodeException("empty file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException("not an image Skia can read (expected PNG, JPEG, BMP, GIF or WebP)");
        return (codec.Info.Width, codec.Info.Height);
    }

    public static SKBitmap Decode(string path, long maxPixels = DefaultMaxPixels) => Decode(File.ReadAllBytes(path), path, maxPixels);

    public static SKBitmap Decode(byte[] bytes, string name, long maxPixels = DefaultMaxPixels)
    {
        if (bytes.Length == 0) throw new ImageDecodeException($"{name}: empty file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException($"{name}: not an image Skia can read (expected PNG, JPEG, BMP, GIF or WebP)");

        int width = codec.Info.Width, height = codec.Info.Height;
        if ((long)width * height > maxPixels) throw new ImageTooLargeException(name, width, height, maxPixels);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success) return bitmap;

        bitmap.Dispose();
        string problem = result == SKCodecResult.IncompleteInput ? "truncated image data" : $"cannot decode ({result})";
        throw new ImageDecodeException($"{name}: {problem}");
    }
}
