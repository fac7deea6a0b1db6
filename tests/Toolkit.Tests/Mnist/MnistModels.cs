using Google.Protobuf;
using Toolkit.Export;
using Toolkit.Export.Mnist;
using static TorchSharp.torch;

namespace Toolkit.Tests.Mnist;

/// <summary>Reconstruction networks exported as the toolkit does, for tests.</summary>
internal static class MnistModels
{
    public static ModelDescription Describe(nn.Module model, string arch = "test") =>
        ReconstructionDescription.Create("mnist-test-" + arch, arch, model, new Dictionary<string, string> { ["train-images"] = "00" },
            new { test = true }, new Dictionary<string, double> { ["test_mse"] = 0.5 });

    public static Onnx.ModelProto Build(nn.Module model) => ReconstructionDescription.Build(model, Describe(model));

    /// <summary>Writes the exported graph of <paramref name="model"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(nn.Module model, string path)
    {
        File.WriteAllBytes(path, Build(model).ToByteArray());
        return path;
    }
}
