using System.Formats.Tar;
using System.IO.Compression;

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
            return Concatenate(batches.Select(b => ReadBatchFile(Path.Combine(extracted, b))).ToList());

        string archive = Path.Combine(folder, ArchiveName);
        if (File.Exists(archive))
            return ReadFromArchive(archive, batches);

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

    public static CifarImages ReadBatchFile(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadBatch(stream, path, stream.Length);
    }

    /// <summary>Reads one batch of records; <paramref name="length"/> is the batch's byte count.</summary>
    public static CifarImages ReadBatch(Stream stream, string name, long length)
    {
        if (length % RecordSize != 0)
            throw DataFormatException.AtOffset(name, length - length % RecordSize,
                $"file length {length} is not a whole number of {RecordSize}-byte records (truncated?)");
        if (length == 0)
            throw DataFormatException.AtOffset(name, 0, "empty batch file");

        int count = checked((int)(length / RecordSize));
        var raw = new byte[length];
        int read = stream.ReadAtLeast(raw, raw.Length, throwOnEndOfStream: false);
        if (read != raw.Length)
            throw DataFormatException.AtOffset(name, read, $"file ends after {read} of {length} bytes");

        var pixels = new byte[count * CifarImages.PixelsPerImage];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            int offset = i * RecordSize;
            byte label = raw[offset];
            if (label >= CifarImages.ClassNames.Count)
                throw DataFormatException.AtOffset(name, offset, $"label {label} of record {i} is not in 0-9");
            labels[i] = label;
            Buffer.BlockCopy(raw, offset + 1, pixels, i * CifarImages.PixelsPerImage, CifarImages.PixelsPerImage);
        }
        return new CifarImages(pixels, labels);
    }

    private static CifarImages ReadFromArchive(string archive, IReadOnlyList<string> batches)
    {
        var found = new Dictionary<string, CifarImages>();
        using (var file = File.OpenRead(archive))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            var tar = new TarReader(gzip);
            TarEntry? entry;
            try
            {
                while ((entry = tar.GetNextEntry()) is not null)
                {
                    string name = Path.GetFileName(entry.Name);
                    if (entry.DataStream is null || !batches.Contains(name)) continue;
                    found[name] = ReadBatch(entry.DataStream, $"{archive}!{entry.Name}", entry.Length);
                    if (found.Count == batches.Count) break;
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
            {
                throw DataFormatException.AtOffset(archive, file.Position, $"corrupt or truncated archive ({e.Message})");
            }
        }

        var missing = batches.Where(b => !found.ContainsKey(b)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(archive, "end of archive", $"missing {string.Join(", ", missing)}");
        return Concatenate(batches.Select(b => found[b]).ToList());
    }

    private static CifarImages Concatenate(IReadOnlyList<CifarImages> parts)
    {
        if (parts.Count == 1) return parts[0];
        var pixels = new byte[parts.Sum(p => p.Pixels.Length)];
        var labels = new byte[parts.Sum(p => p.Count)];
        int pixelAt = 0, labelAt = 0;
        foreach (var part in parts)
        {
            part.Pixels.CopyTo(pixels, pixelAt);
            part.Labels.CopyTo(labels, labelAt);
            pixelAt += part.Pixels.Length;
            labelAt += part.Count;
        }
        return new CifarImages(pixels, labels);
    }
}
