using System.Formats.Tar;
using System.IO.Compression;

namespace Toolkit.Datasets.Io;

/// <summary>One regular file of an archive: its path inside, its name for messages (<c>ARCHIVE!ENTRY</c>), its bytes.</summary>
public sealed record ArchiveFile(string Name, string DisplayName, Stream Data, long Length);

/// <summary>Walks the regular files of a <c>.tar.gz</c> archive, turning a corrupt or cut archive into a <see cref="DataFormatException"/>.</summary>
public static class TarGzArchive
{
    /// <summary>
    /// Calls <paramref name="visit"/> with each regular file, in archive order, then checks the gzip trailer, so a
    /// copy cut at an entry boundary does not pass for a shorter archive. When <paramref name="done"/> turns true
    /// the walk stops there, and the rest, trailer included, goes unread and unchecked.
    /// </summary>
    public static void ForEachFile(string path, Action<ArchiveFile> visit, Func<bool>? done = null)
    {
        using var file = File.OpenRead(path);
        using var data = new CountingStream(new GZipStream(file, CompressionMode.Decompress));
        try
        {
            if (VisitUntilDone(new TarReader(data), path, visit, done ?? (() => false))) return;
            data.Drain();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DataFormatException(path, $"decompressed offset {data.BytesRead}", $"corrupt or truncated archive ({e.Message})");
        }
        GzipFile.CheckTrailer(path, data.BytesRead);
    }

    /// <summary>Whether the walk stopped because <paramref name="done"/> turned true.</summary>
    private static bool VisitUntilDone(TarReader tar, string path, Action<ArchiveFile> visit, Func<bool> done)
    {
        TarEntry? entry;
        while ((entry = tar.GetNextEntry()) is not null)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            string name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            // An empty file has no data stream; it is still a file, not something to skip.
            visit(new ArchiveFile(name, $"{path}!{entry.Name}", entry.DataStream ?? Stream.Null, entry.Length));
            if (done()) return true;
        }
        return false;
    }
}
