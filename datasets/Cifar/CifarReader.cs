using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.Cifar;

/// <summary>
/// Reads the CIFAR-10 binary distribution: <c>cifar-10-binary.tar.gz</c> or its extracted
/// <c>cifar-10-batches-bin/</c> folder. Every record is one label byte and 3,072 pixel bytes.
/// </summary>
public static class CifarReader
{
    public const string FolderName = "cifar-10";
    public const string ArchiveName = "cifar-10-binary.tar.gz";
    public const string BatchFolderName = "cifar-10-batches-bin";
    public const int RecordSize = 1 + CifarImages.PixelsPerImage;
    public const int RecordsPerBatch = 10_000;

    public static readonly IReadOnlyList<string> TrainBatches =
        ["data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"];
    public static readonly IReadOnlyList<string> TestBatches = ["test_batch.bin"];

    /// <summary>Reads the train (50,000) or test (10,000) split from a data set folder, archive or extracted.</summary>
    public static CifarImages ReadSplit(string folder, bool train)
    {
        var batches = train ? TrainBatches : TestBatches;
        string extracted = Path.Combine(folder, BatchFolderName);
        if (Directory.Exists(extracted))
            return FromRecords(batches.Select(b => ReadRecordsFile(Path.Combine(extracted, b))).ToList());

        string archive = Path.Combine(folder, ArchiveName);
        if (File.Exists(archive))
            return ReadFromArchive(archive, batches, stopAfterLastBatch: train);

        throw new FileNotFoundException(
            $"CIFAR-10 not found in {folder}: expected {ArchiveName} or {BatchFolderName}/ (try 'toolkit data download cifar10')");
    }

    /// <summary>sha256 of the files a split is read from: the archive, or each extracted batch file.</summary>
    public static IReadOnlyDictionary<string, string> Checksums(string folder, bool train)
    {
        string extracted = Path.Combine(folder, BatchFolderName);
        if (Directory.Exists(extracted))
            return (train ? TrainBatches : TestBatches).ToDictionary(b => b, b => FileChecksums.Sha256(Path.Combine(extracted, b)));
        string archive = Path.Combine(folder, ArchiveName);
        if (File.Exists(archive))
            return new Dictionary<string, string> { [ArchiveName] = FileChecksums.Sha256(archive) };
        throw new FileNotFoundException($"CIFAR-10 not found in {folder}: expected {ArchiveName} or {BatchFolderName}/");
    }

    public static CifarImages ReadBatchFile(string path) => FromRecords([ReadRecordsFile(path)]);

    /// <summary>Reads one batch of records; <paramref name="length"/> is the batch's byte count.</summary>
    public static CifarImages ReadBatch(Stream stream, string name, long length) =>
        FromRecords([ReadRecords(stream, name, length)]);

    private static byte[] ReadRecordsFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadRecords(stream, path, stream.Length);
    }

    /// <summary>The raw records of one batch, after checking their size and labels.</summary>
    private static byte[] ReadRecords(Stream stream, string name, long length)
    {
        if (length % RecordSize != 0)
            throw DataFormatException.AtOffset(name, length - length % RecordSize,
                $"file length {length} is not a whole number of {RecordSize}-byte records (truncated?)");
        if (length == 0)
            throw DataFormatException.AtOffset(name, 0, "empty batch file");

        // Not zeroed: ReadExactly fills every byte or throws.
        var records = GC.AllocateUninitializedArray<byte>(checked((int)length));
        CheckedReader.Over(stream, name, length).ReadExactly(records, $"{length / RecordSize} records");
        for (int offset = 0; offset < records.Length; offset += RecordSize)
            if (records[offset] >= CifarImages.ClassNames.Count)
                throw DataFormatException.AtOffset(name, offset,
                    $"label {records[offset]} of record {offset / RecordSize} is not in 0-9");
        return records;
    }

    /// <remarks>
    /// The test batch is the archive's last entry, so the train split can stop after its own batches and save
    /// decompressing 30 MB; reading the test split reads to the end and checks the archive's trailer.
    /// </remarks>
    private static CifarImages ReadFromArchive(string archive, IReadOnlyList<string> batches, bool stopAfterLastBatch)
    {
        var found = new Dictionary<string, byte[]>();
        TarGzArchive.ForEachFile(archive, file =>
        {
            string batch = Path.GetFileName(file.Name);
            if (batches.Contains(batch)) found[batch] = ReadRecords(file.Data, file.DisplayName, file.Length);
        }, done: () => stopAfterLastBatch && found.Count == batches.Count);

        var missing = batches.Where(b => !found.ContainsKey(b)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(archive, "end of archive", $"missing {string.Join(", ", missing)}");
        return FromRecords(batches.Select(b => found[b]).ToList());
    }

    /// <summary>Splits checked records into one label array and one pixel array, in a single copy.</summary>
    private static CifarImages FromRecords(IReadOnlyList<byte[]> batches)
    {
        int count = batches.Sum(b => b.Length / RecordSize);
        var pixels = GC.AllocateUninitializedArray<byte>(checked(count * CifarImages.PixelsPerImage));
        var labels = new byte[count];
        int image = 0;
        foreach (byte[] records in batches)
        {
            for (int offset = 0; offset < records.Length; offset += RecordSize, image++)
            {
                labels[image] = records[offset];
                Buffer.BlockCopy(records, offset + 1, pixels, image * CifarImages.PixelsPerImage, CifarImages.PixelsPerImage);
            }
        }
        return new CifarImages(pixels, labels);
    }
}
