using Google.Protobuf;
using Toolkit.Datasets;
using Toolkit.Datasets.Mnist;
using Toolkit.Export;
using Toolkit.Export.Mnist;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;
using Toolkit.Training.Mnist;
using TorchSharp.Modules;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Exports MNIST reconstruction networks (autoencoder runs, PCA fits) to models/NAME.onnx, with the train and
/// test MSE measured on the exported graph through ONNX Runtime as the card's metrics.
/// </summary>
public static class MnistModelExport
{
    public static ExportResult ExportAutoencoder(string runFolder, string models, DataLocation location)
    {
        var (model, record) = AutoencoderRun.LoadTrained(runFolder);
        using (model)
        {
            string arch = $"autoencoder-{record.Options.Kind.ToString().ToLowerInvariant()}";
            var run = new { record.Options, record.Command, record.TrainSeconds, record.WallSeconds };
            return Export(model, record.Name, arch, record.DataSha256, run, record.TrainSeconds, models, location, runFolder);
        }
    }

    public static ExportResult ExportPca(Pca pca, PcaRecord record, string models, DataLocation location)
    {
        using var model = pca.ToSequential();
        string name = PcaRun.Name(pca.Count);
        var run = new { components = pca.Count, record.Command, record.FitSeconds };
        return Export(model, name, "pca", record.DataSha256, run, record.FitSeconds, models, location, record.Folder);
    }

    private static ExportResult Export(Sequential model, string name, string arch, IReadOnlyDictionary<string, string> sha, object run,
        double trainingSeconds, string models, DataLocation location, string runFolder)
    {
        var description = ReconstructionDescription.Create(name, arch, model, sha, run, new Dictionary<string, double>());
        var graph = ReconstructionDescription.Build(model, description);
        var (train, test) = MeasureThroughOnnxRuntime(graph, location);
        description = description with
        {
            Metrics = new Dictionary<string, double>
            {
                ["train_mse"] = Math.Round(train, 6),
                ["test_mse"] = Math.Round(test, 6),
                ["training_wall_seconds"] = Math.Round(trainingSeconds, 1),
            },
        };
        Directory.CreateDirectory(models);
        string onnxPath = Path.Combine(models, name + ".onnx");
        string card = OnnxModelExporter.Write(OnnxModelExporter.WithMetadata(graph, description), description, onnxPath);
        return new ExportResult(onnxPath, card, runFolder, description.Metrics);
    }

    private static (double Train, double Test) MeasureThroughOnnxRuntime(Onnx.ModelProto model, DataLocation location) =>
        UnwrittenGraph.Measure(model, onnx =>
        {
            string folder = location.Folder(MnistReader.FolderName);
            var train = ReconstructionEvaluator.Evaluate(onnx, EvaluationSets.FromMnist("mnist-train", MnistReader.ReadSplit(folder, train: true)));
            var test = ReconstructionEvaluator.Evaluate(onnx, EvaluationSets.FromMnist("mnist-test", MnistReader.ReadSplit(folder, train: false)));
            return (train.Mse, test.Mse);
        });
}
