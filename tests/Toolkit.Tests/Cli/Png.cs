using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Toolkit.Tests.Cli;

/// <summary>
/// Grey 8-bit PNG files written by hand (PNG specification, ISO/IEC 15948): signature, IHDR, IDAT, IEND, each
/// chunk with its CRC-32. Small sizes are complete black images; large ones declare their size in IHDR but
/// carry only the first rows, as a decompression bomb's header would: the toolkit must refuse them from the
/// header alone, before decoding anything.
/// </summary>
public static class Png
{
    private const int CompleteUpTo = 4_000_000;

    public static byte[] DeclaringSize(int width, int height)
    {
        using var file = new MemoryStream();
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression 0, filter 0, interlace 0 follow as zeros
        WriteChunk(file, "IHDR", header);

        long pixels = (long)width * height;
        int rows = pixels <= CompleteUpTo ? height : 16;
        WriteChunk(file, "IDAT", Compress(new byte[rows * (1 + width)])); // each row: filter type 0, then its pixels
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte[] Compress(byte[] raw)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest)) zlib.Write(raw);
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        file.Write(number);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        file.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        file.Write(number);
    }

    /// <summary>The CRC-32 of PNG (and zlib, gzip): polynomial 0xEDB88320, reflected, initial and final XOR 0xFFFFFFFF.</summary>
    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
