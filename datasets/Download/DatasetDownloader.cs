namespace Toolkit.Datasets.Download;

/// <summary>Fetches every file of a data set into the data root, then unpacks it where its readers expect a folder.</summary>
public sealed class DatasetDownloader(FileDownloader files)
{
    public async Task<IReadOnlyList<DownloadResult>> DownloadAsync(DatasetSource source, string root, bool force,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<DownloadResult>();
        foreach (var file in source.Files)
        {
            var result = await files.DownloadAsync(file, root, force, progress, cancellationToken);
            results.Add(result);
            if (source.ExtractedFolder is { } folder)
                ZipExtraction.ExtractFolder(result.Path, root, folder, replace: result.Status != ChecksumStatus.AlreadyPresent);
        }
        return results;
    }
}
