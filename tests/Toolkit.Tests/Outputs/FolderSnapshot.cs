using Toolkit.Datasets;

namespace Toolkit.Tests.Outputs;

/// <summary>The sha256 of every file below a folder, to show that a refused command changed nothing.</summary>
public static class FolderSnapshot
{
    public static IReadOnlyDictionary<string, string> Of(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetRelativePath(folder, path), FileChecksums.Sha256);
}
