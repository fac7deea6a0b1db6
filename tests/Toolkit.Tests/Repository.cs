namespace Toolkit.Tests;

/// <summary>The repository the tests run from: its root (where Toolkit.sln is) and its committed models.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Model(string file) => Path.Combine(Root, "models", file);

    public static string Sample(string file) => Path.Combine(Root, "models", "samples", file);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Toolkit.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Toolkit.sln above {AppContext.BaseDirectory}");
    }
}
