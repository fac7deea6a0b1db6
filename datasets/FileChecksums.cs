using System.Security.Cryptography;

namespace Toolkit.Datasets;

public static class FileChecksums
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
