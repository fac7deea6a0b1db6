using Toolkit.Datasets;
using Xunit;

namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>A test on the real data sets under <c>TOOLKIT_DATA</c>; skipped, with the reason, when it is not set.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        string? root = Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root))
            Skip = $"{DataLocation.EnvironmentVariable} is not set; point it at the data folder (e.g. ../shared/data) to run the real-data tests";
        else if (!Directory.Exists(root))
            Skip = $"{DataLocation.EnvironmentVariable}={root} is not a folder";
    }

    public static string Folder(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable)!, name);
}
