using System.Formats.Tar;
using System.IO.Compression;

namespace Toolkit.Datasets.Io;

/// <summary>Walks the regular files of a <c>.tar.gz</c> archive, turning a corrupt or cut archive into a <see cref="DataFormatException"/>.</summary>
public static class TarGzArchive
{
    /// <summary>
    /// Calls <paramref name="visit"/> with each regular file and its display name (<c>ARCHIVE!ENTRY</c>), in archive
    /// order, until it returns false. An archive read to its end also has its gzip trailer checked, so a copy cut
    /// at an entry boundary does not pass for a shorter archive.
    /// </summary>
    public static void ForEachFile(string path, Func<TarEntry, string, bool> visit)
    {
        using var file = File.OpenRead(path);
        using var data = new CountingStream(new GZipStream(file, CompressionMode.Decompress));
        try
        {
            if (!VisitAll(new TarReader(data), path, visit)) return;
            data.Drain();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DataFormatException(path, $"decompressed offset {data.BytesRead}", $"corrupt or truncated archive ({e.Message})");
        }
        GzipFile.CheckTrailer(path, data.BytesRead);
    }

    private static bool VisitAll(TarReader tar, string path, Func<TarEntry, string, bool> visit)
    {
        TarEntry? entry;
        while ((entry = tar.GetNextEntry()) is not null)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                continue;
            if (!visit(entry, $"{path}!{entry.Name}")) return false;
        }
        return true;
    }
}
