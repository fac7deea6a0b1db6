using Google.Protobuf;
using Onnx;
using Toolkit.Datasets;

namespace Toolkit.Export.Gradients;

/// <summary>Writes NAME.grad.onnx next to a classifier's NAME.onnx.</summary>
public static class GradientGraphFile
{
    public static string PathFor(string forwardPath)
    {
        string folder = Path.GetDirectoryName(forwardPath) ?? "";
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(forwardPath) + ".grad.onnx");
    }

    /// <summary>
    /// Derives and writes the gradient graph, atomically; returns its path. If the derivation fails, nothing is
    /// written and the forward model stays as it is.
    /// </summary>
    public static string Write(string forwardPath)
    {
        var forward = ModelProto.Parser.ParseFrom(File.ReadAllBytes(forwardPath));
        ModelProto gradient;
        try
        {
            gradient = GradientGraphBuilder.Build(forward);
        }
        catch (GradientExportException e)
        {
            throw new GradientExportException($"{forwardPath}: {e.Message}");
        }
        string path = PathFor(forwardPath);
        AtomicFile.WriteAllBytes(path, gradient.ToByteArray());
        return path;
    }
}
