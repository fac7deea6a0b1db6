using Toolkit.Datasets.Newsgroups;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class NewsgroupsReaderTests : TempFolderTest
{

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsBothSplits(bool archive)
    {
        if (archive) NewsgroupsFixture.WriteArchive(Temp);
        else NewsgroupsFixture.WriteExtracted(Temp);
        string folder = Path.Combine(Temp.Path, "topics");

        var train = NewsgroupsReader.ReadSplit(folder, train: true);
        var test = NewsgroupsReader.ReadSplit(folder, train: false);

        int[] expected = Enumerable.Range(0, 20).Select(NewsgroupsFixture.Count).ToArray();
        Assert.Equal(expected, NewsgroupsReader.CountPerGroup(train));
        Assert.Equal(expected, NewsgroupsReader.CountPerGroup(test));
        Assert.Equal(new NewsgroupsDocument("alt.atheism", 1000, "From: caf\u00e9\r\nhello\n"), train[0]);
        Assert.Equal(new NewsgroupsDocument("comp.graphics", 2000, "post 1.0\n"), train[1]);
        Assert.Equal(1, train[1].Label);
    }

    [Fact]
    public void KeepsAnEmptyPostInTheArchive()
    {
        var files = NewsgroupsFixture.BothSplits().Append(("20news-bydate-train/sci.med/99", Array.Empty<byte>()));
        string path = Temp.Write("topics/20news-bydate.tar.gz", Bytes.TarGz(files));

        var train = NewsgroupsReader.ReadSplit(Path.GetDirectoryName(path)!, train: true);

        Assert.Equal("", Assert.Single(train, d => d.Id == 99).Text);
    }

    [Fact]
    public void RejectsUnknownGroup()
    {
        var files = NewsgroupsFixture.BothSplits().Append(("20news-bydate-train/alt.cats/1", "meow\n"u8.ToArray()));
        string path = Temp.Write("topics/20news-bydate.tar.gz", Bytes.TarGz(files));

        DataAssert.Fails(() => NewsgroupsReader.ReadSplit(Path.GetDirectoryName(path)!, train: true),
            path + "!20news-bydate-train/alt.cats/1", "path", "'alt.cats' is not one of the 20 newsgroups");
    }

    [Fact]
    public void RejectsFileNameThatIsNotAnArticleNumber()
    {
        NewsgroupsFixture.WriteExtracted(Temp);
        string path = Temp.Write("topics/20news-bydate-test/sci.med/notes.txt", "x\n"u8.ToArray());

        DataAssert.Fails(() => NewsgroupsReader.ReadSplit(Path.Combine(Temp.Path, "topics"), train: false),
            path, "path", "'notes.txt' is not an article number");
    }

    [Fact]
    public void RejectsSplitWithAMissingGroup()
    {
        var files = NewsgroupsFixture.BothSplits().Where(f => !f.Name.Contains("/sci.space/"));
        string path = Temp.Write("topics/20news-bydate.tar.gz", Bytes.TarGz(files));

        DataAssert.Fails(() => NewsgroupsReader.ReadSplit(Path.GetDirectoryName(path)!, train: true),
            path, "20news-bydate-train", "no posts for sci.space");
    }

    [Theory]
    [InlineData(0.4)]
    [InlineData(0.8)]
    [InlineData(0.995)]
    public void RejectsCutArchive(double keep)
    {
        string path = NewsgroupsFixture.WriteArchive(Temp);
        byte[] archive = File.ReadAllBytes(path);
        File.WriteAllBytes(path, Bytes.Truncate(archive, (int)(archive.Length * keep)));

        DataAssert.Fails(() => NewsgroupsReader.ReadSplit(Path.GetDirectoryName(path)!, train: true), path, "", "");
    }
}
