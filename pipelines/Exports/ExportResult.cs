using Toolkit.Export;

namespace Toolkit.Pipelines.Exports;

/// <summary>
/// An export's files and the metrics its card records: the model, the card, and the gradient graph or the one-line
/// reason it has none.
/// </summary>
public sealed record ExportResult(string Onnx, string Card, string? GradientGraph, string? NoGradientGraph, string RunFolder,
    IReadOnlyDictionary<string, double> Metrics)
{
    public static ExportResult Of(WrittenModel files, string runFolder, IReadOnlyDictionary<string, double> metrics) =>
        new(files.Onnx, files.Card, files.GradientGraph, files.NoGradientGraph, runFolder, metrics);
}
