using Toolkit.Datasets.Cifar;

namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>Small CIFAR-10 batches: record i has label (first + i) mod 10 and every pixel set to that label.</summary>
public static class CifarFixture
{
    public static byte[] Batch(int records, int first = 0)
    {
        var bytes = new byte[records * CifarReader.RecordSize];
        for (int i = 0; i < records; i++)
            bytes.AsSpan(i * CifarReader.RecordSize, CifarReader.RecordSize).Fill((byte)((first + i) % 10));
        return bytes;
    }

    /// <summary>The six batch files with <paramref name="recordsPerBatch"/> records each, named as in the archive.</summary>
    public static IEnumerable<(string Name, byte[] Data)> Batches(int recordsPerBatch) =>
        CifarReader.TrainBatches.Concat(CifarReader.TestBatches)
            .Select((name, i) => ($"{CifarReader.BatchFolderName}/{name}", Batch(recordsPerBatch, i)));

    public static string WriteArchive(TempFolder temp, int recordsPerBatch) =>
        temp.Write($"cifar-10/{CifarReader.ArchiveName}", Bytes.TarGz(Batches(recordsPerBatch)));

    public static string WriteExtracted(TempFolder temp, int recordsPerBatch)
    {
        foreach (var (name, data) in Batches(recordsPerBatch)) temp.Write($"cifar-10/{name}", data);
        return Path.Combine(temp.Path, "cifar-10");
    }
}
