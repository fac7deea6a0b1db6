namespace Toolkit.Datasets;

/// <summary>
/// Writes a file under a temporary name in the same folder and renames it at the end, so a crash never leaves a
/// half-written file under the final name.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        string temporary = TemporaryNameFor(path, ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>For writers that take a path (libraries that save to a file name): they write the temporary file.</summary>
    public static void WriteVia(string path, Action<string> writeToPath)
    {
        // Keep the extension last: some writers pick the format from it.
        string temporary = TemporaryNameFor(path, ".tmp" + Path.GetExtension(path));
        try
        {
            writeToPath(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    public static void WriteAllText(string path, string text) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            writer.Write(text);
        });

    /// <summary>A unique hidden name in the same folder, so the final rename stays on one file system.</summary>
    private static string TemporaryNameFor(string path, string suffix)
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{suffix}");
    }
}
