namespace Toolkit.Export.Import;

/// <summary>
/// Where the ImageNet-pretrained ResNet18 of the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 lies: the
/// package copies its DnnImageModels folder next to the program; a restore also leaves it in the NuGet package folder.
/// </summary>
public static class PretrainedResNetFiles
{
    public const string Package = "microsoft.ml.dnnimagefeaturizer.resnet18";
    public const string PackageVersion = "0.23.1";
    public const string ModelRelative = "DnnImageModels/ResNet18Onnx/ResNet18.onnx";
    public const string PreprocessRelative = "DnnImageModels/ResNetPrepOnnx/ResNetPreprocess.onnx";

    /// <summary>ResNet18.onnx, or null when neither the program folder nor the NuGet package folder has it.</summary>
    public static string? FindModel() => Find(ModelRelative);

    public static string? FindPreprocess() => Find(PreprocessRelative);

    /// <summary>The file to use when no path is given: the one found, else where the package puts it (so errors name it).</summary>
    public static string DefaultModel => FindModel() ?? Path.Combine(AppContext.BaseDirectory, ModelRelative);

    public static string DefaultPreprocess => FindPreprocess() ?? Path.Combine(AppContext.BaseDirectory, PreprocessRelative);

    public static string RequireModel(string? explicitPath = null) => explicitPath ?? FindModel()
        ?? throw new FileNotFoundException(
            $"the pretrained ResNet18 ({ModelRelative}) is not next to the program nor in the NuGet package folder; " +
            $"restore the solution (package {Package} {PackageVersion}) or pass --pretrained PATH");

    private static string? Find(string relative)
    {
        foreach (string root in Roots())
        {
            string path = Path.Combine(root, relative);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    private static IEnumerable<string> Roots()
    {
        yield return AppContext.BaseDirectory;
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        yield return Path.Combine(packages, Package, PackageVersion, "tools");
    }
}
