using Google.Protobuf;
using Onnx;
using Toolkit.Datasets;
using Toolkit.Export.Gradients;
using Toolkit.Format;

namespace Toolkit.Export;

/// <summary>
/// What an export wrote: the model, its card, and its gradient graph, or the one-line reason it has none
/// (a reconstruction model, or an op without a derivation).
/// </summary>
public sealed record WrittenModel(string Onnx, string Card, string? GradientGraph, string? NoGradientGraph);

/// <summary>
/// Writes a forward graph as NAME.onnx with its card NAME.json, and rewrites NAME.grad.onnx from the same bytes, or
/// removes a stale one where no gradient graph can be derived, so a model and its gradient graph never disagree.
/// </summary>
public static class ModelFiles
{
    public static WrittenModel Write(ModelProto model, string onnxPath)
    {
        byte[] bytes = model.ToByteArray();
        AtomicFile.WriteAllBytes(onnxPath, bytes);
        var metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        string card = ModelFormat.CardPath(onnxPath);
        AtomicFile.WriteAllText(card, ModelCard.Json(Path.GetFileName(onnxPath), metadata));

        string gradientPath = ModelFormat.GradientGraphPath(onnxPath);
        if (metadata.GetValueOrDefault(ModelFormat.Keys.Task) != ModelFormat.Tasks.Classification)
        {
            File.Delete(gradientPath);
            return new WrittenModel(onnxPath, card, null, "only classifiers have gradient graphs");
        }
        try
        {
            return new WrittenModel(onnxPath, card, GradientGraphFile.Write(onnxPath, bytes), null);
        }
        catch (GradientExportException e)
        {
            File.Delete(gradientPath);
            return new WrittenModel(onnxPath, card, null, e.Message);
        }
    }
}
