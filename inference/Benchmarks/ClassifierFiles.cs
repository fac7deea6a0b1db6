using Onnx;

namespace Toolkit.Inference.Benchmarks;

/// <summary>The classifier model files of a folder, by their <c>toolkit.task</c> metadata.</summary>
public static class ClassifierFiles
{
    /// <summary>
    /// Every NAME.onnx (not NAME.grad.onnx) in <paramref name="folder"/> whose metadata says it is a classifier and
    /// whose file is at most <paramref name="maxBytes"/> long, sorted by name.
    /// </summary>
    public static IReadOnlyList<string> In(string folder, long maxBytes)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: model folder not found");
        return Directory.GetFiles(folder, "*.onnx")
            .Where(path => !path.EndsWith(".grad.onnx", StringComparison.Ordinal) && new FileInfo(path).Length <= maxBytes)
            .Where(IsClassifier)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsClassifier(string path) =>
        ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).MetadataProps
            .Any(p => p.Key == "toolkit.task" && p.Value == ModelInfo.Classification);
}
