using Google.Protobuf;
using Onnx;
using Toolkit.Datasets;
using Toolkit.Format;

namespace Toolkit.Export.Gradients;

/// <summary>
/// Writes NAME.grad.onnx next to a classifier's NAME.onnx, stamped with the sha256 of the forward file it was derived
/// from (<see cref="ModelFormat.Keys.ForwardSha256"/>), so a gradient graph is never used with another version.
/// </summary>
public static class GradientGraphFile
{
    /// <summary>
    /// Derives and writes the gradient graph of the forward file, atomically; returns its path. If the derivation fails,
    /// nothing is written and the forward model stays as it is.
    /// </summary>
    public static string Write(string forwardPath)
    {
        byte[] forwardBytes = File.ReadAllBytes(forwardPath);
        try
        {
            return Write(forwardPath, forwardBytes);
        }
        catch (GradientExportException e)
        {
            throw new GradientExportException($"{forwardPath}: {e.Message}");
        }
    }

    /// <summary>Derives the gradient graph of <paramref name="forwardBytes"/>, the bytes written as <paramref name="forwardPath"/>.</summary>
    public static string Write(string forwardPath, byte[] forwardBytes)
    {
        var gradient = GradientGraphBuilder.Build(ModelProto.Parser.ParseFrom(forwardBytes));
        gradient.MetadataProps.Add(new StringStringEntryProto { Key = ModelFormat.Keys.ForwardSha256, Value = ModelFormat.Sha256(forwardBytes) });
        string path = ModelFormat.GradientGraphPath(forwardPath);
        AtomicFile.WriteAllBytes(path, gradient.ToByteArray());
        return path;
    }
}
