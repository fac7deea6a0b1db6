namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>Small MNIST IDX files: image i has every pixel set to i, label i is i mod 10 unless given.</summary>
public static class IdxFixture
{
    public static byte[] Images(int count, int rows = 28, int columns = 28, int magic = 2051)
    {
        var pixels = new byte[count * rows * columns];
        for (int i = 0; i < count; i++) pixels.AsSpan(i * rows * columns, rows * columns).Fill((byte)i);
        return Bytes.Concat(Bytes.BigEndian(magic, count, rows, columns), pixels);
    }

    public static byte[] Labels(byte[] labels, int magic = 2049) => Bytes.Concat(Bytes.BigEndian(magic, labels.Length), labels);

    public static byte[] Labels(int count) => Labels(Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());

    /// <summary>Writes both splits into <c>mnist/</c>, gzip-compressed or plain.</summary>
    public static string WriteFolder(TempFolder temp, int trainCount, int testCount, bool gzip)
    {
        string suffix = gzip ? ".gz" : "";
        Func<byte[], byte[]> encode = gzip ? Bytes.Gzip : b => b;
        temp.Write($"mnist/train-images-idx3-ubyte{suffix}", encode(Images(trainCount)));
        temp.Write($"mnist/train-labels-idx1-ubyte{suffix}", encode(Labels(trainCount)));
        temp.Write($"mnist/t10k-images-idx3-ubyte{suffix}", encode(Images(testCount)));
        temp.Write($"mnist/t10k-labels-idx1-ubyte{suffix}", encode(Labels(testCount)));
        return Path.Combine(temp.Path, "mnist");
    }
}
