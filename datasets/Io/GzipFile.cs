using System.Buffers.Binary;

namespace Toolkit.Datasets.Io;

/// <summary>What a gzip file promises about itself: its magic bytes and, in its trailer, its decompressed size.</summary>
public static class GzipFile
{
    public static bool StartsWithMagic(Stream stream)
    {
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>
    /// Compares the decompressed byte count with the size in the last four bytes (ISIZE, modulo 2^32).
    /// A gzip file cut short can decompress without error up to the cut; its last bytes then are not a trailer.
    /// </summary>
    public static void CheckTrailer(string path, long decompressed)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18)
            throw DataFormatException.AtOffset(path, file.Length, "too short for a gzip file (truncated?)");
        Span<byte> size = stackalloc byte[4];
        file.Position = file.Length - 4;
        file.ReadExactly(size);
        uint promised = BinaryPrimitives.ReadUInt32LittleEndian(size);
        if (promised != (uint)decompressed)
            throw DataFormatException.AtOffset(path, file.Length,
                $"gzip data ends after {decompressed} decompressed bytes but the trailer promises {promised} (truncated?)");
    }
}
