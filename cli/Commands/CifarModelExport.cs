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
            var test = CifarReader.ReadSplit(data.Folder(CifarReader.FolderName), train: false);
            var (whole, lossless) = MeasureThroughOnnxRuntime(OnnxModelExporter.Build(model, description, CifarNets.Classes), test);

            var final = record.Final ?? throw new InvalidOperationException($"{folder}: the run has not finished");
            description = description with
            {
                Metrics = new Dictionary<string, double>
                {
                    ["train_accuracy"] = final.TrainAccuracy,
                    ["val_accuracy"] = final.ValidationAccuracy,
                    ["test_accuracy"] = whole,
                    ["test_accuracy_lossless_first_1000"] = lossless,
                    ["training_wall_seconds"] = Math.Round(record.WallSeconds, 1),
                },
            };
            string card = OnnxModelExporter.Write(OnnxModelExporter.Build(model, description, CifarNets.Classes), description, onnxPath);
            return new ExportResult(onnxPath, card, folder, description.Metrics);
        }
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

    public static (double Whole, double Lossless) MeasureThroughOnnxRuntime(Onnx.ModelProto model, CifarImages test)
    {
        string temporary = Path.Combine(Path.GetTempPath(), $"toolkit-export-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(temporary, model.ToByteArray());
        try
        {
            using var onnx = OnnxModel.Open(temporary, ExecutionDevice.Cpu);
            var report = ClassifierEvaluator.Evaluate(onnx, EvaluationSets.CifarTest(test));
            return (report.Accuracy, report.SubsetAccuracy[EvaluationSets.CifarLosslessSubset]);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
