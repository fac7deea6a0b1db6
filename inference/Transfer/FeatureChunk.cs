using System.Buffers.Binary;
using System.Text;
using Toolkit.Datasets;

namespace Toolkit.Inference.Transfer;

/// <summary>
/// One chunk of cached features: the examples [First, First + Count) of a split, their labels and their
/// feature vectors. On disk: magic "TKFEAT01", int32 first, count, dimension (little-endian), the labels as
/// bytes, then count × dimension float32. Written atomically, so a chunk on disk is whole or absent.
/// </summary>
public sealed record FeatureChunk(int First, int Count, int Dimension, byte[] Labels, float[] Features)
{
    private static readonly byte[] Magic = "TKFEAT01"u8.ToArray();
    private const int HeaderSize = 8 + 3 * sizeof(int);

    public static long FileLength(int count, int dimension) => HeaderSize + count + (long)count * dimension * sizeof(float);

    public void Write(string path)
    {
        if (Labels.Length != Count || Features.Length != (long)Count * Dimension)
            throw new ArgumentException($"chunk at {First}: {Labels.Length} labels and {Features.Length} values do not match {Count} × {Dimension}");
        AtomicFile.Write(path, stream =>
        {
            var header = new byte[HeaderSize];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), First);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), Count);
            BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), Dimension);
            stream.Write(header);
            stream.Write(Labels);
            var bytes = new byte[Features.Length * sizeof(float)];
            Buffer.BlockCopy(Features, 0, bytes, 0, bytes.Length);
            stream.Write(bytes);
        });
    }

    /// <summary>Whether the file is a whole chunk with this position and size (the resume check; reads only the header).</summary>
    public static bool IsComplete(string path, int first, int count, int dimension)
    {
        if (!File.Exists(path) || new FileInfo(path).Length != FileLength(count, dimension)) return false;
        using var stream = File.OpenRead(path);
        var header = new byte[HeaderSize];
        stream.ReadExactly(header);
        return header.AsSpan(0, 8).SequenceEqual(Magic)
            && BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)) == first
            && BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) == count
            && BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16)) == dimension;
    }

    public static FeatureChunk Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderSize || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new DataFormatException(path, "offset 0", $"not a feature chunk (expected magic {Encoding.ASCII.GetString(Magic)})");
        int first = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        int dimension = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16));
        if (count <= 0 || dimension <= 0 || bytes.Length != FileLength(count, dimension))
            throw new DataFormatException(path, "offset 12", $"{bytes.Length} bytes do not hold {count} × {dimension} features (truncated?)");
        var labels = bytes.AsSpan(HeaderSize, count).ToArray();
        var features = new float[count * dimension];
        Buffer.BlockCopy(bytes, HeaderSize + count, features, 0, features.Length * sizeof(float));
        return new FeatureChunk(first, count, dimension, labels, features);
    }
}
