namespace Toolkit.Datasets.Download;

/// <summary>
/// One file to fetch: its path below the data root, the addresses to try in order, and its sha256 when the
/// official value is known (null when it is not: the download then reports the hash it computed instead).
/// </summary>
public sealed record SourceFile(string RelativePath, IReadOnlyList<Uri> Urls, string? Sha256)
{
    public string FileName => Path.GetFileName(RelativePath);
}

/// <summary>
/// A data set's official files. <paramref name="ExtractedFolder"/> names the folder a downloaded zip holds,
/// for data sets the readers use unpacked.
/// </summary>
public sealed record DatasetSource(string Name, IReadOnlyList<SourceFile> Files, string? ExtractedFolder = null);
