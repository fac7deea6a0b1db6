using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
using Toolkit.Training.Search;

namespace Toolkit.Pipelines.Cifar;

/// <summary>
/// CIFAR-10 run folder (or a search's best trial) → forward graph → test accuracy through ONNX Runtime in memory →
/// model, card and gradient graph.
/// </summary>
public static class CifarExport
{
    /// <summary>Where a run folder's model goes unless told: models/RUN.onnx.</summary>
    public static string DefaultModelPath(string runFolder) =>
        Path.Combine("models", Path.GetFileName(Path.TrimEndingDirectorySeparator(runFolder)) + ".onnx");

    /// <summary>Re-exports a run folder as the user asks: to <paramref name="onnxPath"/> (default models/RUN.onnx), its targets checked first.</summary>
    public static ExportResult Export(string runOrSearchFolder, string? onnxPath, bool force, DataLocation data)
    {
        string output = onnxPath ?? DefaultModelPath(runOrSearchFolder);
        OutputGuard.ModelTarget(output, force);
        return Export(runOrSearchFolder, output, data);
    }

    public static ExportResult Export(string runOrSearchFolder, string onnxPath, DataLocation data)
    {
        string folder = BestRunFolder(runOrSearchFolder);
        var (model, record) = CifarRun.LoadTrained(folder);
        using (model)
        {
            var final = record.Final ?? throw new InvalidOperationException($"{folder}: the run has not finished");
            var description = Describe(Path.GetFileNameWithoutExtension(onnxPath), model, record);
            var graph = OnnxModelExporter.Build(model, description, CifarNets.Classes, record.Spec.Net.FlipAveraging);
            return MeasuredExport.Classifier(graph, description, TrainingMetrics(final, record.WallSeconds), onnxPath, folder, data);
        }
    }

    /// <summary>A finished run's accuracies and wall time, in the order the cards list them.</summary>
    public static Dictionary<string, double> TrainingMetrics(FinalMetrics final, double wallSeconds) => new()
    {
        ["train_accuracy"] = final.TrainAccuracy,
        ["val_accuracy"] = final.ValidationAccuracy,
        ["training_wall_seconds"] = Math.Round(wallSeconds, 1),
    };

    /// <summary>The folder itself for a run, the best trial by validation accuracy for a search.</summary>
    public static string BestRunFolder(string folder)
    {
        if (!CifarSearch.IsSearchFolder(folder)) return folder;
        var search = RunJson.Read<SearchRecord>(Path.Combine(folder, SearchRecord.FileName));
        var best = search.Best ?? throw new InvalidOperationException($"{folder}: no finished trial to export");
        return Path.Combine(folder, best.Name);
    }

    private static ModelDescription Describe(string name, TorchSharp.torch.nn.Module model, RunRecord<CifarRunSpec> record) => new()
    {
        Name = name,
        Arch = record.Spec.Net.Arch.ToString().ToLowerInvariant(),
        Classes = CifarImages.ClassNames,
        InputLayout = "NCHW",
        InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
        Normalization = OnnxModelExporter.NormalizationOf(model, CifarImages.Channels),
        Dataset = record.Dataset,
        DatasetSha256 = record.DataSha256,
        Metrics = new Dictionary<string, double>(),
        RunJson = System.Text.Json.JsonSerializer.Serialize(new { record.Spec, record.Command }, RunJson.Options),
    };
}
