using Toolkit.Datasets;
using Toolkit.Datasets.MovieLens;
using Xunit;

namespace Toolkit.Tests.Recommender;

/// <summary>A fact that needs the real MovieLens 100K files: skipped, with the reason, when TOOLKIT_DATA does not lead to them.</summary>
public sealed class MovieLensDataFactAttribute : FactAttribute
{
    public MovieLensDataFactAttribute()
    {
        string? root = Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root))
            Skip = $"set {DataLocation.EnvironmentVariable} to the data folder holding {MovieLensData.FolderName}/ to run this test";
        else if (!File.Exists(Path.Combine(root, MovieLensData.FolderName, "u.data")))
            Skip = $"{DataLocation.EnvironmentVariable}={root} has no {MovieLensData.FolderName}/u.data";
    }

    /// <summary>The ml-100k folder (only meaningful when the test is not skipped).</summary>
    public static string Folder =>
        Path.Combine(Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable) ?? "", MovieLensData.FolderName);
}
