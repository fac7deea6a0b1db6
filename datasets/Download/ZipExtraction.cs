using System.IO.Compression;

namespace Toolkit.Datasets.Download;

public static class ZipExtraction
{
    /// <summary>
    /// Unpacks the folder <paramref name="folderName"/> of a zip into <paramref name="root"/>: first into a
    /// temporary folder, then moved into place, so a half-unpacked folder never carries the final name.
    /// </summary>
    public static string ExtractFolder(string zipPath, string root, string folderName, bool replace)
    {
        string target = Path.Combine(root, folderName);
        if (Directory.Exists(target) && !replace) return target;
        string staging = Path.Combine(root, $".{folderName}.extracting");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        try
        {
            ZipFile.ExtractToDirectory(zipPath, staging);
            string unpacked = Path.Combine(staging, folderName);
            if (!Directory.Exists(unpacked))
                throw new DownloadException($"{zipPath}: holds no {folderName}/ folder");
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(unpacked, target);
            return target;
        }
        catch (InvalidDataException e)
        {
            throw new DownloadException($"{zipPath}: not a readable zip ({e.Message})", e);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
