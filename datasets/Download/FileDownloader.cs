using System.Security.Cryptography;

namespace Toolkit.Datasets.Download;

/// <summary>
/// Fetches one file over HTTP into <c>NAME.part</c>, hashing it on the way, and renames it to <c>NAME</c> only
/// once it is complete and its sha256 matches, so a file under its final name is always whole.
/// </summary>
public sealed class FileDownloader(HttpClient client)
{
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);
    public const string PartSuffix = ".part";

    /// <summary>A client whose connection attempts give up quickly, so a machine with no network fails fast.</summary>
    public static HttpClient CreateClient(TimeSpan? connectTimeout = null) =>
        new(new SocketsHttpHandler { ConnectTimeout = connectTimeout ?? DefaultConnectTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    public async Task<DownloadResult> DownloadAsync(SourceFile file, string root, bool force,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        string target = Path.Combine(root, file.RelativePath);
        if (File.Exists(target) && !force)
            return new DownloadResult(target, ChecksumStatus.AlreadyPresent, null, new FileInfo(target).Length);

        string part = target + PartSuffix;
        try
        {
            var (sha256, bytes) = await FetchFromFirstWorkingUrl(file, part, progress, cancellationToken);
            var status = Checksum.Verify(file, sha256);
            File.Move(part, target, overwrite: true);
            return new DownloadResult(target, status, sha256, bytes);
        }
        finally
        {
            if (File.Exists(part)) File.Delete(part);
        }
    }

    private async Task<(string Sha256, long Bytes)> FetchFromFirstWorkingUrl(SourceFile file, string part,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var url in file.Urls)
        {
            try
            {
                return await FetchAsync(url, file.FileName, part, progress, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or IOException
                                      || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failures.Add($"{url}: {Reason(e)}");
            }
        }
        throw new DownloadException($"cannot download {file.FileName} ({string.Join("; ", failures)}); is this machine online?");
    }

    private async Task<(string Sha256, long Bytes)> FetchAsync(Uri url, string name, string part,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        long? total = response.Content.Headers.ContentLength;
        await using var source = await response.Content.ReadAsStreamAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(part)!);
        await using var destination = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            bytes += read;
            progress?.Report(new DownloadProgress(name, bytes, total));
        }
        if (total is long expected && bytes != expected)
            throw new IOException($"connection closed after {bytes} of {expected} bytes");
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), bytes);
    }

    private static string Reason(Exception e) =>
        e is TaskCanceledException ? "timed out" : e.InnerException?.Message ?? e.Message;
}
