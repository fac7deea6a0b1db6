using System.Buffers.Binary;
using System.IO.Compression;

namespace Toolkit.Datasets.Io;

/// <summary>
/// Reads a data file front to back and turns every short read or corrupt byte into a
/// <see cref="DataFormatException"/> naming the file and the offset. Gzip files are recognised by
/// their magic bytes, not their name, and offsets then count decompressed bytes.
/// </summary>
public sealed class CheckedReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string? _gzipPath;

    private CheckedReader(Stream stream, string name, long? length, string? gzipPath)
    {
        _stream = stream;
        Name = name;
        Length = length;
        _gzipPath = gzipPath;
    }

    public string Name { get; }

    /// <summary>The data's byte count when known up front (plain files and archive entries), else null.</summary>
    public long? Length { get; }

    public long Position { get; private set; }
    public bool IsGzip => _gzipPath is not null;

    public static CheckedReader Open(string path)
    {
        var file = File.OpenRead(path);
        if (!GzipFile.StartsWithMagic(file))
            return new CheckedReader(file, path, file.Length, null);
        return new CheckedReader(new GZipStream(file, CompressionMode.Decompress), path, null, path);
    }

    /// <summary>Wraps a stream that is not owned by a file, such as an archive entry of known length.</summary>
    public static CheckedReader Over(Stream stream, string name, long length) => new(stream, name, length, null);

    public DataFormatException Error(long offset, string problem) =>
        DataFormatException.AtOffset(Name, offset, problem, IsGzip);

    public void ReadExactly(Span<byte> buffer, string what)
    {
        int read = ReadAtMost(buffer);
        if (read < buffer.Length)
            throw Error(Position, $"file ends after {read} of the {buffer.Length} bytes of {what} (truncated?)");
    }

    public int ReadInt32BigEndian(string what)
    {
        Span<byte> bytes = stackalloc byte[4];
        ReadExactly(bytes, what);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    /// <summary>Fails when anything follows the data the header promised, and checks a gzip file's trailer.</summary>
    public void ExpectEnd()
    {
        Span<byte> probe = stackalloc byte[1];
        if (ReadAtMost(probe) > 0)
            throw Error(Position - 1, "unexpected bytes after the data the header describes");
        if (_gzipPath is not null)
            GzipFile.CheckTrailer(_gzipPath, Position);
    }

    private int ReadAtMost(Span<byte> buffer)
    {
        try
        {
            int read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            Position += read;
            return read;
        }
        catch (InvalidDataException e)
        {
            throw Error(Position, $"corrupt compressed data ({e.Message})");
        }
    }

    public void Dispose() => _stream.Dispose();
}
