using SkiaSharp;

namespace Toolkit.Inference.Images;

/// <summary>A file that is not a decodable image: empty, truncated, or of no known format.</summary>
public sealed class ImageDecodeException(string message) : Exception(message);

/// <summary>
/// Decodes PNG, JPEG, BMP (and whatever else Skia reads) of any colour type into unpremultiplied RGBA,
/// and refuses files that are empty, truncated or not images.
/// </summary>
public static class ImageDecoder
{
    public static SKBitmap Decode(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>The image's width and height from its header, without decoding its pixels.</summary>
    public static (int Width, int Height) ReadDimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) throw new ImageDecodeException("empty file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException("not an image Skia can read (expected PNG, JPEG, BMP, GIF or WebP)");
        return (codec.Info.Width, codec.Info.Height);
    }

    public static SKBitmap Decode(byte[] bytes, string name)
    {
        if (bytes.Length == 0) throw new ImageDecodeException($"{name}: empty file");
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new ImageDecodeException($"{name}: not an image Skia can read (expected PNG, JPEG, BMP, GIF or WebP)");

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success) return bitmap;

        bitmap.Dispose();
        string problem = result == SKCodecResult.IncompleteInput ? "truncated image data" : $"cannot decode ({result})";
        throw new ImageDecodeException($"{name}: {problem}");
    }
}
