namespace Toolkit.Datasets.Download;

public enum ChecksumStatus
{
    /// <summary>The file's sha256 equals the official one.</summary>
    Verified,
    /// <summary>No official sha256 is known; <see cref="DownloadResult.Sha256"/> is the computed one, for the record.</summary>
    OfficialUnknown,
    /// <summary>The file was already there and was left alone (pass force to fetch it again).</summary>
    AlreadyPresent,
}

public sealed record DownloadResult(string Path, ChecksumStatus Status, string? Sha256, long Bytes);

/// <summary>How far one file's download has come; <see cref="TotalBytes"/> is null when the server does not say.</summary>
public readonly record struct DownloadProgress(string File, long Bytes, long? TotalBytes);

/// <summary>A download that could not be completed: no network, an HTTP error, or a checksum mismatch.</summary>
public sealed class DownloadException(string message, Exception? inner = null) : IOException(message, inner);
