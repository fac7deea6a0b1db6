using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;

namespace Toolkit.Tests.Datasets.Fixtures;

public static class Bytes
{
    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    public static byte[] BigEndian(params int[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), values[i]);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Truncate(byte[] data, int length) => data[..length];

    /// <summary>A gzip-compressed tar archive of the given files, in the given order.</summary>
    public static byte[] TarGz(IEnumerable<(string Name, byte[] Data)> files)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, data) in files)
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
        }
        return Gzip(tar.ToArray());
    }
}
