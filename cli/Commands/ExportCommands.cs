using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class ExportCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export a trained run to a self-contained ONNX file and its model card, measuring test accuracy through ONNX Runtime.")
            .WithExample("export", "runs/cifar10-lenet", "--out", "models/cifar10-lenet.onnx", "--data", "../shared/data");
        // A command of its own beside 'export RUN' (as export-grad is): a command and a branch cannot share one name.
        config.AddCommand<ExportTritonCommand>("export-triton")
            .WithDescription("Write a Triton / KServe model repository (config.pbtxt, labels, NAME/1/model.onnx) of every model in a file or folder, gradient graphs included.")
            .WithExample("export-triton", "models", "--out", "triton-repo");
    }
}
