namespace Toolkit.Datasets.Download;

public static class Checksum
{
    /// <summary>Whether a computed sha256 matches the file's official one; a mismatch throws.</summary>
    public static ChecksumStatus Verify(SourceFile file, string sha256)
    {
        if (file.Sha256 is null) return ChecksumStatus.OfficialUnknown;
        if (!string.Equals(file.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
            throw new DownloadException($"{file.FileName}: sha256 {sha256} does not match the official {file.Sha256}; the download was discarded");
        return ChecksumStatus.Verified;
    }
}
