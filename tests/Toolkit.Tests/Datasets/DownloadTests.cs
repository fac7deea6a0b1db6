using System.Net;
using System.Security.Cryptography;
using Toolkit.Datasets.Download;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class DownloadTests : TempFolderTest
{
    private static readonly Uri Home = new("http://data.example/file.bin");
    private static readonly Uri Mirror = new("http://mirror.example/file.bin");
    private readonly byte[] _content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

    private string Target => Path.Combine(Temp.Path, "set", "file.bin");
    private string Part => Target + FileDownloader.PartSuffix;
    private string ContentSha256 => Convert.ToHexStringLower(SHA256.HashData(_content));

    private static SourceFile Source(string? sha256, params Uri[] urls) => new("set/file.bin", urls.Length > 0 ? urls : [Home], sha256);

    [Fact]
    public async Task FailsFastWithOneLineWhenNothingAnswers()
    {
        using var client = FileDownloader.CreateClient(TimeSpan.FromSeconds(3));
        var unreachable = new Uri("http://127.0.0.1:1/file.bin");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DownloadException>(
            () => new FileDownloader(client).DownloadAsync(Source(null, unreachable), Temp.Path, force: false));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("cannot download file.bin", error.Message);
        Assert.Contains("127.0.0.1:1", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(Path.GetDirectoryName(Target)));
    }

    [Fact]
    public async Task VerifiesMatchingChecksumAndRenamesIntoPlace()
    {
        var handler = new FakeServer().Serve(Home, _content);
        var progress = new List<DownloadProgress>();

        var result = await Download(handler, Source(ContentSha256), new SyncProgress(progress.Add));

        Assert.Equal(ChecksumStatus.Verified, result.Status);
        Assert.Equal(_content, File.ReadAllBytes(Target));
        Assert.False(File.Exists(Part));
        Assert.Equal(_content.Length, progress[^1].Bytes);
        Assert.Equal(_content.Length, progress[^1].TotalBytes);
    }

    [Fact]
    public async Task DiscardsDownloadWhoseChecksumDiffers()
    {
        var handler = new FakeServer().Serve(Home, _content);
        string wrong = new('0', 64);

        var error = await Assert.ThrowsAsync<DownloadException>(() => Download(handler, Source(wrong)));

        Assert.Contains($"sha256 {ContentSha256} does not match the official {wrong}", error.Message);
        Assert.False(File.Exists(Target));
        Assert.False(File.Exists(Part));
    }

    [Fact]
    public async Task ReportsComputedChecksumWhenNoOfficialOneIsKnown()
    {
        var result = await Download(new FakeServer().Serve(Home, _content), Source(null));

        Assert.Equal(ChecksumStatus.OfficialUnknown, result.Status);
        Assert.Equal(ContentSha256, result.Sha256);
    }

    [Fact]
    public async Task WritesToPartFileWhileDownloading()
    {
        var seen = new List<(bool Final, bool Part)>();
        var handler = new FakeServer().Serve(Home, _content, onRead: () => seen.Add((File.Exists(Target), File.Exists(Part))));

        await Download(handler, Source(ContentSha256));

        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal((false, true), s));
        Assert.True(File.Exists(Target));
    }

    [Fact]
    public async Task KeepsExistingFileUnlessForced()
    {
        Temp.Write("set/file.bin", [1, 2, 3]);
        var handler = new FakeServer().Serve(Home, _content);

        var kept = await Download(handler, Source(ContentSha256));
        Assert.Equal(ChecksumStatus.AlreadyPresent, kept.Status);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(Target));

        var replaced = await Download(handler, Source(ContentSha256), force: true);
        Assert.Equal(ChecksumStatus.Verified, replaced.Status);
        Assert.Equal(_content, File.ReadAllBytes(Target));
    }

    [Fact]
    public async Task FallsBackToTheNextAddressOnHttpError()
    {
        var handler = new FakeServer().Fail(Home, HttpStatusCode.Forbidden).Serve(Mirror, _content);

        var result = await Download(handler, Source(ContentSha256, Home, Mirror));

        Assert.Equal(ChecksumStatus.Verified, result.Status);
    }

    [Fact]
    public async Task NamesEveryAddressWhenAllFail()
    {
        var handler = new FakeServer().Fail(Home, HttpStatusCode.NotFound).Fail(Mirror, HttpStatusCode.Forbidden);

        var error = await Assert.ThrowsAsync<DownloadException>(() => Download(handler, Source(null, Home, Mirror)));

        Assert.Contains("404", error.Message);
        Assert.Contains("403", error.Message);
        Assert.False(File.Exists(Part));
    }

    [Fact]
    public async Task RejectsConnectionThatClosesEarly()
    {
        var handler = new FakeServer().Serve(Home, _content, claimedLength: _content.Length + 10);

        var error = await Assert.ThrowsAsync<DownloadException>(() => Download(handler, Source(null)));

        Assert.Contains($"after {_content.Length} of {_content.Length + 10} bytes", error.Message);
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task UnpacksZipIntoItsFolder()
    {
        byte[] zip = ZipWith("ml-100k/u.data", "1\t1\t5\t874965758\n");
        var source = new DatasetSource("movielens", [new SourceFile("ml-100k.zip", [Home], null)], "ml-100k");
        using var client = new HttpClient(new FakeServer().Serve(Home, zip));

        await new DatasetDownloader(new FileDownloader(client)).DownloadAsync(source, Temp.Path, force: false);

        Assert.True(File.Exists(Path.Combine(Temp.Path, "ml-100k", "u.data")));
        Assert.False(Directory.Exists(Path.Combine(Temp.Path, ".ml-100k.extracting")));
    }

    [Fact]
    public void OfficialTableListsTheFourDataSets()
    {
        Assert.Equal(["mnist", "cifar10", "movielens", "20newsgroups"], OfficialSources.All.Select(s => s.Name));
        Assert.All(OfficialSources.All.SelectMany(s => s.Files), f => Assert.True(f.Sha256 is null || f.Sha256.Length == 64));
        Assert.Throws<ArgumentException>(() => OfficialSources.Find("imagenet"));
    }

    [RealDataFact]
    public async Task OfficialChecksumsMatchTheLocalCopiesOfTheOfficialFiles()
    {
        var known = OfficialSources.All.SelectMany(s => s.Files).Where(f => f.Sha256 is not null).ToList();
        var server = new FakeServer();
        foreach (var file in known)
            server.Serve(file.Urls[0], File.ReadAllBytes(RealDataFactAttribute.Folder(file.RelativePath)));

        foreach (var file in known)
            Assert.Equal(ChecksumStatus.Verified, (await Download(server, file)).Status);
        Assert.Equal(3, known.Count);
    }

    private async Task<DownloadResult> Download(HttpMessageHandler handler, SourceFile source,
        IProgress<DownloadProgress>? progress = null, bool force = false)
    {
        using var client = new HttpClient(handler, disposeHandler: false);
        return await new FileDownloader(client).DownloadAsync(source, Temp.Path, force, progress);
    }

    private static byte[] ZipWith(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(name).Open()))
            writer.Write(text);
        return buffer.ToArray();
    }

    private sealed class SyncProgress(Action<DownloadProgress> report) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => report(value);
    }
}
