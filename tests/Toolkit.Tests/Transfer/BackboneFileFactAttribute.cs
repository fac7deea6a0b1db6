using Toolkit.Cli.Commands;
using Toolkit.Export.Import;
using Xunit;

namespace Toolkit.Tests.Transfer;

/// <summary>A test that needs the featurizer package's ResNet18 files next to the binaries; skipped without them.</summary>
public sealed class BackboneFileFactAttribute : FactAttribute
{
    public BackboneFileFactAttribute()
    {
        if (!File.Exists(PretrainedResNetFiles.DefaultModel) || !File.Exists(PretrainedResNetFiles.DefaultPreprocess))
            Skip = $"{PretrainedResNetFiles.DefaultModel} not found; restore the Microsoft.ML.DnnImageFeaturizer.ResNet18 package to run it";
    }
}

/// <summary>Needs the package files and the real data under TOOLKIT_DATA.</summary>
public sealed class BackboneAndDataFactAttribute : FactAttribute
{
    public BackboneAndDataFactAttribute()
    {
        string? root = Environment.GetEnvironmentVariable(Toolkit.Datasets.DataLocation.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
            Skip = "TOOLKIT_DATA is not set to a data folder; point it at the data (e.g. ../shared/data) to run the real-data tests";
        else if (!File.Exists(PretrainedResNetFiles.DefaultModel) || !File.Exists(PretrainedResNetFiles.DefaultPreprocess))
            Skip = $"{PretrainedResNetFiles.DefaultModel} not found; restore the Microsoft.ML.DnnImageFeaturizer.ResNet18 package to run it";
    }
}
