using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class TransferCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("transfer", transfer =>
        {
            transfer.SetDescription("Transfer learning on CIFAR-10 with an ImageNet-pretrained ResNet18 as a fixed feature extractor.");
            transfer.AddCommand<TransferFeaturesCommand>("features")
                .WithDescription("Run CIFAR-10 through the backbone and cache the 512-d features on disk (resumable).")
                .WithExample("transfer", "features", "--data", "../shared/data", "--resolution", "224", "--train-subset", "20000");
            transfer.AddCommand<TransferTrainHeadCommand>("train-head")
                .WithDescription("Train a Linear(512, 10) head on cached features with Adam and report test accuracy.")
                .WithExample("transfer", "train-head", "--features", "runs/transfer/features-224");
            transfer.AddCommand<TransferExportCommand>("export")
                .WithDescription("Export backbone + head as one self-contained ONNX classifier ([N,3,32,32] pixels in [0, 1] to logits) with its card.")
                .WithExample("transfer", "export", "runs/transfer/head-224", "--data", "../shared/data");
        });
    }
}
