using Toolkit.Training;
using static TorchSharp.torch;

namespace Toolkit.Export.Mnist;

/// <summary>The metadata of an MNIST reconstruction model (autoencoder or PCA): flat [N, 784] input, output <c>reconstruction</c>.</summary>
public static class ReconstructionDescription
{
    public const int Pixels = 784;

    public static ModelDescription Create(string name, string arch, nn.Module model, IReadOnlyDictionary<string, string> datasetSha256,
        object run, IReadOnlyDictionary<string, double> metrics) => new()
        {
            Name = name,
            Task = ModelDescription.ReconstructionTask,
            Arch = arch,
            Classes = [],
            InputLayout = "NF",
            InputShape = [-1, Pixels],
            Normalization = OnnxModelExporter.NormalizationOf(model, 1),
            Dataset = "mnist",
            DatasetSha256 = datasetSha256,
            Metrics = metrics,
            RunJson = RunJson.Serialize(run),
        };

    /// <summary>The forward graph of a reconstruction network: input <c>input</c> [N, 784], output <c>reconstruction</c> [N, 784].</summary>
    public static Onnx.ModelProto Build(nn.Module model, ModelDescription description) =>
        OnnxModelExporter.Build(model, description, Pixels);
}
