using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class ReportCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("report", report =>
        {
            report.SetDescription("Reports that measure a family of exported models through ONNX Runtime.");
            report.AddCommand<ReportMnistAeCommand>("mnist-ae")
                .WithDescription("Train and test MSE of every MNIST autoencoder and PCA model, and their reconstruction grids.")
                .WithExample("report", "mnist-ae", "--models", "models", "--out", "docs/plots");
        });
    }
}
