namespace Toolkit.Cli.Commands;

/// <summary>
/// Where the pretrained ResNet18 lives: the Microsoft.ML.DnnImageFeaturizer.ResNet18 package copies its
/// <c>DnnImageModels/</c> folder next to the toolkit's binaries on build, so no model file is committed.
/// </summary>
public static class BackboneFiles
{
    public static string DefaultBackbone => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
    public static string DefaultPreprocess => Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
}
