using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class ExportCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export a trained run to a self-contained ONNX file and its model card, measuring test accuracy through ONNX Runtime.")
            .WithExample("export", "runs/cifar10-lenet", "--out", "models/cifar10-lenet.onnx", "--data", "../shared/data");
    }
}
