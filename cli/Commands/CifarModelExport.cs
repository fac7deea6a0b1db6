using Google.Protobuf;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Search;

namespace Toolkit.Cli.Commands;

public sealed record ExportResult(string Onnx, string Card, string RunFolder, IReadOnlyDictionary<string, double> Metrics);

/// <summary>
/// Exports a CIFAR-10 run folder (or a search folder's best trial) to ONNX and measures the exported
/// file's test accuracy through ONNX Runtime before writing it, so the metadata carries that number.
/// </summary>
public static class CifarModelExport
{
    public static ExportResult Export(string runOrSearchFolder, string onnxPath, DataLocation data)
    {
        string folder = BestRunFolder(runOrSearchFolder);
        var (model, record) = CifarRun.LoadTrained(folder);
        using (model)
        {
            string name = Path.GetFileNameWithoutExtension(onnxPath);
            var description = Describe(name, model, record, new Dictionary<string, double>());
            var final = record.Final ?? throw new InvalidOperationException($"{folder}: the run has not finished");
            var graph = OnnxModelExporter.Build(model, description, CifarNets.Classes);
            return WriteWithTestAccuracy(graph, description, TrainingMetrics(final, record.WallSeconds), onnxPath, folder, data);
        }
    }

    /// <summary>A finished run's accuracies and wall time, in the order the cards list them.</summary>
    public static Dictionary<string, double> TrainingMetrics(Training.Runs.FinalMetrics final, double wallSeconds) => new()
    {
        ["train_accuracy"] = final.TrainAccuracy,
        ["val_accuracy"] = final.ValidationAccuracy,
        ["training_wall_seconds"] = Math.Round(wallSeconds, 1),
    };

    /// <summary>
    /// Measures the built classifier's CIFAR-10 test accuracy (whole, lossless first 1,000) through ONNX Runtime,
    /// adds it to <paramref name="metrics"/>, and writes the same graph with that metadata and its card.
    /// </summary>
    public static ExportResult WriteWithTestAccuracy(Onnx.ModelProto graph, ModelDescription description,
        Dictionary<string, double> metrics, string onnxPath, string runFolder, DataLocation data)
    {
        var test = CifarReader.ReadSplit(data.Folder(CifarReader.FolderName), train: false);
        var (whole, lossless) = MeasureThroughOnnxRuntime(graph, test);
        metrics["test_accuracy"] = whole;
        metrics["test_accuracy_lossless_first_1000"] = lossless;
        description = description with { Metrics = metrics };
        string card = OnnxModelExporter.Write(OnnxModelExporter.WithMetadata(graph, description), description, onnxPath);
        return new ExportResult(onnxPath, card, runFolder, metrics);
    }

    /// <summary>The folder itself for a run, the best trial by validation accuracy for a search.</summary>
    public static string BestRunFolder(string folder)
    {
        if (!CifarSearch.IsSearchFolder(folder)) return folder;
        var search = RunJson.Read<SearchRecord>(Path.Combine(folder, SearchRecord.FileName));
        var best = search.Best ?? throw new InvalidOperationException($"{folder}: no finished trial to export");
        return Path.Combine(folder, best.Name);
    }

    private static ModelDescription Describe(string name, TorchSharp.torch.nn.Module model,
        Training.Runs.RunRecord<CifarRunSpec> record, IReadOnlyDictionary<string, double> metrics) => new()
    {
        Name = name,
        Arch = record.Spec.Net.Arch.ToString().ToLowerInvariant(),
        Classes = CifarImages.ClassNames,
        InputLayout = "NCHW",
        InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
        Normalization = OnnxModelExporter.NormalizationOf(model, CifarImages.Channels),
        Dataset = record.Dataset,
        DatasetSha256 = record.DataSha256,
        Metrics = metrics,
        RunJson = System.Text.Json.JsonSerializer.Serialize(new { record.Spec, record.Command }, RunJson.Options),
    };

    public static (double Whole, double Lossless) MeasureThroughOnnxRuntime(Onnx.ModelProto model, CifarImages test) =>
        UnwrittenGraph.Measure(model, onnx =>
        {
            var report = ClassifierEvaluator.Evaluate(onnx, EvaluationSets.CifarTest(test));
            return (report.Accuracy, report.SubsetAccuracy[EvaluationSets.CifarLosslessSubset]);
        });
}
