using System.IO.Compression;
using SkiaSharp;

namespace Toolkit.Tests.Inference;

/// <summary>Writes solid-colour test images in the formats and colour types <c>predict</c> must read.</summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, SKColor colour, SKColorType type = SKColorType.Rgba8888) =>
        Encode(width, height, colour, type, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height, SKColor colour) =>
        Encode(width, height, colour, SKColorType.Rgba8888, SKEncodedImageFormat.Jpeg);

    private static byte[] Encode(int width, int height, SKColor colour, SKColorType type, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, type, SKAlphaType.Unpremul));
        bitmap.Erase(colour);
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>An uncompressed 24-bit BMP (bottom-up rows padded to 4 bytes), written by hand.</summary>
    public static byte[] Bmp(int width, int height, SKColor colour)
    {
        int rowSize = (width * 3 + 3) / 4 * 4;
        int pixelBytes = rowSize * height;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write((byte)'B'); writer.Write((byte)'M');
        writer.Write(54 + pixelBytes); writer.Write(0); writer.Write(54);
        writer.Write(40); writer.Write(width); writer.Write(height);
        writer.Write((short)1); writer.Write((short)24); writer.Write(0); writer.Write(pixelBytes);
        writer.Write(2835); writer.Write(2835); writer.Write(0); writer.Write(0);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++) { writer.Write(colour.Blue); writer.Write(colour.Green); writer.Write(colour.Red); }
            for (int p = width * 3; p < rowSize; p++) writer.Write((byte)0);
        }
        return stream.ToArray();
    }

    /// <summary>A palette (colour type 3) PNG with one entry, written chunk by chunk since Skia only encodes true colour.</summary>
    public static byte[] PalettePng(int width, int height, SKColor colour)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 3, 0, 0, 0]);
        WriteChunk(stream, "PLTE", [colour.Red, colour.Green, colour.Blue]);
        WriteChunk(stream, "IDAT", Deflate(new byte[(width + 1) * height]));
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    /// <summary>
    /// A black grey-scale PNG whose header declares <paramref name="width"/> x <paramref name="height"/>. Up to
    /// 4 megapixels it is complete; larger ones carry only their first 16 rows, as a decompression bomb's header
    /// would: a reader must refuse them from the header alone, before decoding anything.
    /// </summary>
    public static byte[] GreyPngDeclaring(int width, int height)
    {
        int rows = (long)width * height <= 4_000_000 ? height : 16;
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(stream, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 0, 0, 0, 0]);
        WriteChunk(stream, "IDAT", Deflate(new byte[(width + 1) * rows]));
        WriteChunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(raw);
        return output.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(BigEndian(data.Length));
        stream.Write(typeBytes);
        stream.Write(data);
        stream.Write(BigEndian((int)Crc32([.. typeBytes, .. data])));
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    /// <summary>The CRC-32 a PNG chunk ends with (over its type and data).</summary>
    public static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
