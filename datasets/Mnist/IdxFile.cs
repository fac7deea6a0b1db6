using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.Mnist;

/// <summary>
/// One IDX file of unsigned bytes: big-endian int32 magic (0x0000 0x08 rank), rank big-endian int32
/// dimensions, then the product of the dimensions in bytes. Plain or gzip.
/// </summary>
public sealed record IdxFile(string Path, bool Compressed, int[] Dimensions, byte[] Data)
{
    public static IdxFile Read(string path, int expectedMagic)
    {
        using var reader = CheckedReader.Open(path);
        return Read(reader, expectedMagic);
    }

    public static IdxFile Read(CheckedReader reader, int expectedMagic)
    {
        int magic = reader.ReadInt32BigEndian("the magic number");
        if (magic != expectedMagic)
            throw reader.Error(0, $"magic number {magic} (0x{magic:x8}); expected {expectedMagic} (0x{expectedMagic:x8})");

        int rank = magic & 0xff;
        var dimensions = new int[rank];
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = reader.ReadInt32BigEndian($"dimension {d}");
            if (dimensions[d] < 0) throw reader.Error(4 + 4 * d, $"dimension {d} is negative ({dimensions[d]})");
        }

        long headerSize = 4 + 4L * rank;
        long dataSize = dimensions.Aggregate(1L, (size, d) => size * d);
        CheckSizeAgainstLength(reader, headerSize, dataSize, dimensions);

        var data = GC.AllocateUninitializedArray<byte>((int)dataSize); // ReadExactly fills it or throws
        reader.ReadExactly(data, $"data its header ({string.Join("x", dimensions)}) promises");
        reader.ExpectEnd();
        return new IdxFile(reader.Name, reader.IsGzip, dimensions, data);
    }

    /// <summary>An error about this file's content at a byte offset from the start of the file.</summary>
    public DataFormatException Error(long offset, string problem) => DataFormatException.AtOffset(Path, offset, problem, Compressed);

    private static void CheckSizeAgainstLength(CheckedReader reader, long headerSize, long dataSize, int[] dimensions)
    {
        string shape = string.Join("x", dimensions);
        if (dataSize > Array.MaxLength)
            throw reader.Error(4, $"header dimensions {shape} are too large for one array");
        if (reader.Length is long length && length != headerSize + dataSize)
            throw reader.Error(length,
                $"file is {length} bytes but its header ({shape}) promises {headerSize + dataSize} (truncated?)");
    }
}
