namespace Toolkit.Datasets;

/// <summary>Where the data sets live: <c>--data DIR</c>, else <c>TOOLKIT_DATA</c>, else a per-user folder.</summary>
public sealed record DataLocation(string Root, string Source)
{
    public const string EnvironmentVariable = "TOOLKIT_DATA";

    public static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify), "toolkit", "data");

    public static DataLocation Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
            return new DataLocation(Path.GetFullPath(option), "--data");
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new DataLocation(Path.GetFullPath(fromEnvironment), EnvironmentVariable);
        return new DataLocation(DefaultRoot, "per-user default");
    }

    /// <summary>The folder of one data set under the root, e.g. <c>cifar-10</c>.</summary>
    public string Folder(string name) => Path.Combine(Root, name);
}
