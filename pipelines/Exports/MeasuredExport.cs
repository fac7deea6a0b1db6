using Google.Protobuf;
using Onnx;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;
using Toolkit.Export;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;

namespace Toolkit.Pipelines.Exports;

/// <summary>
/// The last steps of every export: measure the built graph through ONNX Runtime in memory, stamp the measured metrics
/// into its metadata, and write model, card and gradient graph. The numbers on a card are those of the file itself.
/// </summary>
public static class MeasuredExport
{
    /// <summary>A CIFAR-10 classifier: test accuracy on the whole test split and on its lossless first 1,000 images.</summary>
    public static ExportResult Classifier(ModelProto graph, ModelDescription description, Dictionary<string, double> metrics,
        string onnxPath, string runFolder, DataLocation data)
    {
        var test = CifarReader.ReadSplit(data.Folder(CifarReader.FolderName), train: false);
        using (var model = OpenInMemory(graph, onnxPath))
        {
            var report = ClassifierEvaluator.Evaluate(model, EvaluationSets.CifarTest(test));
            metrics["test_accuracy"] = report.Accuracy;
            metrics[ModelFormat.LosslessAccuracyMetric] = report.SubsetAccuracy[ModelFormat.LosslessSubset];
        }
        return Write(graph, description with { Metrics = metrics }, onnxPath, runFolder);
    }

    /// <summary>An MNIST reconstruction model: MSE on both splits, then the training time.</summary>
    public static ExportResult Reconstruction(ModelProto graph, ModelDescription description, double trainingSeconds,
        string onnxPath, string runFolder, DataLocation data)
    {
        string folder = data.Folder(MnistReader.FolderName);
        using var model = OpenInMemory(graph, onnxPath);
        double Mse(string name, bool train) =>
            ReconstructionEvaluator.Evaluate(model, EvaluationSets.FromMnist(name, MnistReader.ReadSplit(folder, train))).Mse;
        var metrics = new Dictionary<string, double>
        {
            ["train_mse"] = Math.Round(Mse("mnist-train", train: true), 6),
            ["test_mse"] = Math.Round(Mse("mnist-test", train: false), 6),
            ["training_wall_seconds"] = Math.Round(trainingSeconds, 1),
        };
        return Write(graph, description with { Metrics = metrics }, onnxPath, runFolder);
    }

    /// <summary>Writes a graph whose metrics are already known (measured elsewhere on the same graph).</summary>
    public static ExportResult Write(ModelProto graph, ModelDescription description, string onnxPath, string runFolder)
    {
        var files = ModelFiles.Write(OnnxModelExporter.WithMetadata(graph, description), onnxPath);
        return ExportResult.Of(files, runFolder, description.Metrics);
    }

    private static OnnxModel OpenInMemory(ModelProto graph, string onnxPath) =>
        OnnxModel.Open(graph.ToByteArray(), onnxPath, ExecutionDevice.Cpu);
}
