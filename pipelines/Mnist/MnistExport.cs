using Toolkit.Datasets;
using Toolkit.Export.Mnist;
using Toolkit.Pipelines.Exports;
using Toolkit.Training.Mnist;
using TorchSharp.Modules;

namespace Toolkit.Pipelines.Mnist;

/// <summary>
/// MNIST reconstruction network (autoencoder run, PCA fit) → graph → train and test MSE through ONNX Runtime in
/// memory → model and card.
/// </summary>
public static class MnistExport
{
    public static ExportResult Autoencoder(string runFolder, string onnxPath, DataLocation location)
    {
        var (model, record) = AutoencoderRun.LoadTrained(runFolder);
        using (model)
        {
            string arch = $"autoencoder-{record.Options.Kind.ToString().ToLowerInvariant()}";
            var run = new { record.Options, record.Command, record.TrainSeconds, record.WallSeconds };
            return Export(model, arch, record.DataSha256, run, record.TrainSeconds, onnxPath, location, runFolder);
        }
    }

    public static ExportResult Pca(Pca pca, PcaRecord record, string onnxPath, DataLocation location)
    {
        using var model = pca.ToSequential();
        var run = new { components = pca.Count, record.Command, record.FitSeconds };
        return Export(model, "pca", record.DataSha256, run, record.FitSeconds, onnxPath, location, record.Folder);
    }

    private static ExportResult Export(Sequential model, string arch, IReadOnlyDictionary<string, string> sha, object run,
        double trainingSeconds, string onnxPath, DataLocation location, string runFolder)
    {
        string name = Path.GetFileNameWithoutExtension(onnxPath);
        var description = ReconstructionDescription.Create(name, arch, model, sha, run, new Dictionary<string, double>());
        var graph = ReconstructionDescription.Build(model, description);
        return MeasuredExport.Reconstruction(graph, description, trainingSeconds, onnxPath, runFolder, location);
    }
}
