using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class PcaCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("pca", pca =>
        {
            pca.SetDescription("Principal component analysis baselines, exported as ONNX reconstruction graphs.");
            pca.AddCommand<PcaMnistCommand>("mnist")
                .WithDescription("PCA of the MNIST training set for each k; writes models/mnist-pca-kK.onnx.")
                .WithExample("pca", "mnist", "--components", "32,64,128");
        });
    }
}
