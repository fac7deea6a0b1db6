using Toolkit.Export;

namespace Toolkit.Tests.Export;

internal static class TestDescriptions
{
    public static ModelDescription Cifar(string arch) => new()
    {
        Name = "test-" + arch,
        Arch = arch,
        Classes = Toolkit.Datasets.Cifar.CifarImages.ClassNames,
        InputLayout = "NCHW",
        InputShape = [-1, 3, 32, 32],
        Normalization = new Normalization([0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]),
        Dataset = "cifar10",
        DatasetSha256 = new Dictionary<string, string> { ["test"] = "0" },
        Metrics = new Dictionary<string, double> { ["test_accuracy"] = 0 },
        RunJson = "{}",
    };
}
