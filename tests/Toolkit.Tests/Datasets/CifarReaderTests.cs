using Toolkit.Datasets.Cifar;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class CifarReaderTests : TempFolderTest
{

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsBothSplits(bool archive)
    {
        if (archive) CifarFixture.WriteArchive(Temp, recordsPerBatch: 12);
        else CifarFixture.WriteExtracted(Temp, recordsPerBatch: 12);
        string folder = Path.Combine(Temp.Path, "cifar-10");

        var train = CifarReader.ReadSplit(folder, train: true);
        var test = CifarReader.ReadSplit(folder, train: false);

        Assert.Equal(60, train.Count);
        Assert.Equal(12, test.Count);
        Assert.Equal(2, train.Labels[13]); // batch 2 starts at label 1
        Assert.All(train.Image(13).ToArray(), pixel => Assert.Equal(2, pixel));
        Assert.Equal(5, test.Labels[0]);
        Assert.Equal(60, train.CountPerClass().Sum());
    }

    [Fact]
    public void RejectsBatchThatIsNotWholeRecords()
    {
        byte[] batch = CifarFixture.Batch(3);
        string path = Temp.Write("data_batch_1.bin", Bytes.Truncate(batch, batch.Length - 1));

        DataAssert.Fails(() => CifarReader.ReadBatchFile(path), path, $"offset {2 * CifarReader.RecordSize}", "not a whole number");
    }

    [Fact]
    public void RejectsOutOfRangeLabel()
    {
        byte[] batch = CifarFixture.Batch(4);
        batch[2 * CifarReader.RecordSize] = 10;
        string path = Temp.Write("data_batch_1.bin", batch);

        DataAssert.Fails(() => CifarReader.ReadBatchFile(path), path, $"offset {2 * CifarReader.RecordSize}", "label 10 of record 2");
    }

    [Fact]
    public void RejectsEmptyBatch()
    {
        string path = Temp.Write("test_batch.bin", []);

        DataAssert.Fails(() => CifarReader.ReadBatchFile(path), path, "offset 0", "empty");
    }

    [Fact]
    public void RejectsEmptyBatchInTheArchive()
    {
        var batches = CifarFixture.Batches(3).Select(b => b.Name.EndsWith("_3.bin") ? (b.Name, Array.Empty<byte>()) : b);
        string path = Temp.Write($"cifar-10/{CifarReader.ArchiveName}", Bytes.TarGz(batches));

        DataAssert.Fails(() => CifarReader.ReadSplit(Path.GetDirectoryName(path)!, train: true),
            path + "!cifar-10-batches-bin/data_batch_3.bin", "offset 0", "empty batch file");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]
    [InlineData(0.99)]
    public void RejectsCutArchive(double keep)
    {
        string path = CifarFixture.WriteArchive(Temp, recordsPerBatch: 20);
        byte[] archive = File.ReadAllBytes(path);
        File.WriteAllBytes(path, Bytes.Truncate(archive, (int)(archive.Length * keep)));

        string folder = Path.GetDirectoryName(path)!;

        DataAssert.Fails(() => { CifarReader.ReadSplit(folder, train: true); CifarReader.ReadSplit(folder, train: false); }, path, "", "");
    }

    [Fact]
    public void TrainSplitStopsAfterItsLastBatch()
    {
        string path = CifarFixture.WriteArchive(Temp, recordsPerBatch: 20);
        byte[] archive = File.ReadAllBytes(path);
        File.WriteAllBytes(path, Bytes.Truncate(archive, archive.Length - 8));

        Assert.Equal(100, CifarReader.ReadSplit(Path.GetDirectoryName(path)!, train: true).Count);
        DataAssert.Fails(() => CifarReader.ReadSplit(Path.GetDirectoryName(path)!, train: false), path, "", "truncated?");
    }

    [Fact]
    public void RejectsArchiveWithoutTestBatch()
    {
        string path = Temp.Write($"cifar-10/{CifarReader.ArchiveName}", Bytes.TarGz(CifarFixture.Batches(3).Take(5)));

        DataAssert.Fails(() => CifarReader.ReadSplit(Path.GetDirectoryName(path)!, train: false), path, "end of archive", "missing test_batch.bin");
    }

    [Fact]
    public void RejectsFileThatIsNotGzip()
    {
        string path = Temp.Write($"cifar-10/{CifarReader.ArchiveName}", CifarFixture.Batch(2));

        DataAssert.Fails(() => CifarReader.ReadSplit(Path.GetDirectoryName(path)!, train: true), path, "decompressed offset", "corrupt");
    }
}
