namespace Toolkit.Serving.Web;

/// <summary>
/// The sample images the page offers: the PNG files under <c>samples/</c> of the served model folder
/// (models/samples), found once at start and looked up by name only.
/// </summary>
public sealed class Samples
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public Samples(string? folder)
    {
        if (folder is null || !Directory.Exists(folder)) return;
        foreach (string file in Directory.EnumerateFiles(folder, "*.png", SearchOption.AllDirectories))
            _files[Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')] = file;
    }

    public IReadOnlyCollection<string> Names => _files.Keys;

    /// <summary>The folder beside the models: <c>DIR/samples</c> for a folder or a file in DIR.</summary>
    public static string FolderFor(string repositoryPath) =>
        Path.Combine(Directory.Exists(repositoryPath) ? repositoryPath : Path.GetDirectoryName(Path.GetFullPath(repositoryPath))!, "samples");

    public byte[]? Read(string name) => _files.TryGetValue(name, out string? file) ? File.ReadAllBytes(file) : null;
}
