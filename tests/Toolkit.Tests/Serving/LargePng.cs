using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Toolkit.Tests.Serving;

/// <summary>
/// A valid black PNG of any size, written by hand as 1-bit greyscale so a 20000x20000 image is a few kilobytes
/// on the wire but 1.6 GB once decoded to RGBA.
/// </summary>
public static class LargePng
{
    public static byte[] Write(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // greyscale
        Chunk(file, "IHDR", header);

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (width + 7) / 8]; // filter byte 0, then zeros
            for (int y = 0; y < height; y++) zlib.Write(row);
        }
        Chunk(file, "IDAT", pixels.ToArray());
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Inference.TestImages.Crc32(typed));
        file.Write(number);
    }
}
