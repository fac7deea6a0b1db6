using Toolkit.Datasets.Cifar;
using Toolkit.Datasets;
using Toolkit.Export;
using Toolkit.Export.Gradients;
using Toolkit.Training;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

public sealed record TransferExportResult(ExportResult Model, string GradientGraph);

/// <summary>
/// Exports a fine-tuning run folder as a self-contained CIFAR-10 classifier (normalization and upsampling in the
/// graph, input [N, 3, 32, 32] in [0, 1]), measures its test accuracy through ONNX Runtime for the card, and
/// writes its input-gradient graph beside it.
/// </summary>
public static class TransferModelExport
{
    public static TransferExportResult Export(string folder, string onnxPath, DataLocation data)
    {
        var (model, record) = FineTuneRun.LoadTrained(folder);
        using (model)
        {
            var final = record.Final ?? throw new InvalidOperationException($"{folder}: the run has not finished");
            var description = new ModelDescription
            {
                Name = Path.GetFileNameWithoutExtension(onnxPath),
                Arch = $"resnet18-pretrained-imagenet-r{record.Spec.Resolution}",
                Classes = CifarImages.ClassNames,
                InputLayout = "NCHW",
                InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
                Normalization = new Normalization(record.Spec.Mean, record.Spec.Std),
                Dataset = record.Dataset,
                DatasetSha256 = record.DataSha256,
                Metrics = new Dictionary<string, double>(),
                RunJson = System.Text.Json.JsonSerializer.Serialize(new { record.Spec, record.Command, record.WallSeconds }, RunJson.Options),
            };
            var metrics = CifarModelExport.TrainingMetrics(final, record.WallSeconds);
            metrics["seconds_per_epoch"] = Math.Round(record.Epochs.Average(e => e.Seconds), 1);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!);
            var graph = OnnxModelExporter.Build(model, description, Training.Cifar.CifarNets.Classes);
            var exported = CifarModelExport.WriteWithTestAccuracy(graph, description, metrics, onnxPath, folder, data);
            string gradient = GradientGraphFile.Write(onnxPath);
            return new TransferExportResult(exported, gradient);
        }
    }
}
