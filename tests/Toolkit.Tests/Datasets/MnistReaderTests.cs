using Toolkit.Datasets.Mnist;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class MnistReaderTests : TempFolderTest
{

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsBothSplits(bool gzip)
    {
        string folder = IdxFixture.WriteFolder(Temp, trainCount: 23, testCount: 7, gzip);

        var train = MnistReader.ReadSplit(folder, train: true);
        var test = MnistReader.ReadSplit(folder, train: false);

        Assert.Equal(23, train.Count);
        Assert.Equal(7, test.Count);
        Assert.Equal(3, train.Labels[13]);
        Assert.All(train.Image(13).ToArray(), pixel => Assert.Equal(13, pixel));
        Assert.Equal([3, 3, 3, 2, 2, 2, 2, 2, 2, 2], train.CountPerClass());
    }

    [Fact]
    public void DetectsGzipByItsMagicBytesNotItsName()
    {
        string gzipWithoutSuffix = Temp.Write("a-images", Bytes.Gzip(IdxFixture.Images(2)));
        string plainWithSuffix = Temp.Write("b-images.gz", IdxFixture.Images(3));

        Assert.Equal(2 * 784, MnistReader.ReadImages(gzipWithoutSuffix).Length);
        Assert.Equal(3 * 784, MnistReader.ReadImages(plainWithSuffix).Length);
    }

    [Fact]
    public void RejectsWrongMagicNumbers()
    {
        string labelsAsImages = Temp.Write("images", IdxFixture.Labels(4));
        string imagesAsLabels = Temp.Write("labels.gz", Bytes.Gzip(IdxFixture.Images(4)));

        DataAssert.Fails(() => MnistReader.ReadImages(labelsAsImages), labelsAsImages, "offset 0", "magic number 2049");
        DataAssert.Fails(() => MnistReader.ReadLabels(imagesAsLabels), imagesAsLabels, "decompressed offset 0", "magic number 2051");
    }

    [Fact]
    public void RejectsPlainFileShorterThanItsHeaderPromises()
    {
        byte[] images = IdxFixture.Images(5);
        string path = Temp.Write("images", Bytes.Truncate(images, images.Length - 100));

        DataAssert.Fails(() => MnistReader.ReadImages(path), path, $"offset {images.Length - 100}", "promises 3936");
    }

    [Fact]
    public void RejectsGzipFileWhoseDataEndsBeforeItsHeaderPromises()
    {
        byte[] images = IdxFixture.Images(5);
        string path = Temp.Write("images.gz", Bytes.Gzip(Bytes.Truncate(images, 16 + 2 * 784 + 10)));

        DataAssert.Fails(() => MnistReader.ReadImages(path), path, $"decompressed offset {16 + 2 * 784 + 10}", "truncated?");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void RejectsCutGzipFile(double keep)
    {
        byte[] compressed = Bytes.Gzip(IdxFixture.Images(50));
        string path = Temp.Write("images.gz", Bytes.Truncate(compressed, (int)(compressed.Length * keep)));

        DataAssert.Fails(() => MnistReader.ReadImages(path), path, "", "");
    }

    [Fact]
    public void RejectsGzipFileCutInsideItsTrailer()
    {
        byte[] compressed = Bytes.Gzip(IdxFixture.Images(5));
        string path = Temp.Write("images.gz", Bytes.Truncate(compressed, compressed.Length - 3));

        DataAssert.Fails(() => MnistReader.ReadImages(path), path, "", "truncated?");
    }

    [Fact]
    public void RejectsBytesAfterTheData()
    {
        string path = Temp.Write("labels", Bytes.Concat(IdxFixture.Labels(4), [7]));

        DataAssert.Fails(() => MnistReader.ReadLabels(path), path, "offset", "promises 12");
    }

    [Fact]
    public void RejectsOutOfRangeLabel()
    {
        string path = Temp.Write("labels.gz", Bytes.Gzip(IdxFixture.Labels([1, 2, 3, 10, 4])));

        DataAssert.Fails(() => MnistReader.ReadLabels(path), path, "decompressed offset 11", "label 10 of item 3 is not in 0-9");
    }

    [Fact]
    public void RejectsImagesThatAreNot28By28()
    {
        string path = Temp.Write("images", IdxFixture.Images(2, rows: 32, columns: 32));

        DataAssert.Fails(() => MnistReader.ReadImages(path), path, "offset 8", "images are 32x32");
    }

    [Fact]
    public void RejectsLabelCountThatDiffersFromImageCount()
    {
        string folder = IdxFixture.WriteFolder(Temp, trainCount: 5, testCount: 3, gzip: false);
        string labels = Temp.Write("mnist/train-labels-idx1-ubyte", IdxFixture.Labels(4));

        DataAssert.Fails(() => MnistReader.ReadSplit(folder, train: true), labels, "offset 4", "4 labels for the 5 images");
    }

    [Fact]
    public void RejectsHugeCountWithoutAllocatingIt()
    {
        byte[] header = Bytes.BigEndian(2051, int.MaxValue, 28, 28);
        string plain = Temp.Write("images", header);
        string gzip = Temp.Write("images.gz", Bytes.Gzip(header));

        DataAssert.Fails(() => MnistReader.ReadImages(plain), plain, "offset", "too large");
        DataAssert.Fails(() => MnistReader.ReadImages(gzip), gzip, "decompressed offset 4", "too large");
    }

    [Fact]
    public void RejectsEmptyFile()
    {
        string path = Temp.Write("labels", []);

        DataAssert.Fails(() => MnistReader.ReadLabels(path), path, "offset 0", "magic number");
    }

    [Fact]
    public void NamesTheDownloadCommandWhenFilesAreMissing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MnistReader.ReadSplit(Temp.Path, train: true));

        Assert.Contains("train-images-idx3-ubyte", error.Message);
        Assert.Contains("toolkit data download mnist", error.Message);
    }
}
