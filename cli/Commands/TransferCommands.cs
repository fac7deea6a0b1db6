using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class TransferCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("transfer", transfer =>
        {
            transfer.SetDescription("Transfer learning on CIFAR-10 from the ImageNet-pretrained ResNet18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18): a fixed feature extractor with a linear head, or the whole network fine-tuned.");
            transfer.AddCommand<TransferFeaturesCommand>("features")
                .WithDescription("Run CIFAR-10 through the backbone and cache the 512-d features on disk (resumable).")
                .WithExample("transfer", "features", "--data", "../shared/data", "--resolution", "224", "--train-subset", "20000");
            transfer.AddCommand<TransferTrainHeadCommand>("train-head")
                .WithDescription("Train a Linear(512, 10) head on cached features with Adam and report test accuracy.")
                .WithExample("transfer", "train-head", "--features", "runs/transfer/features-224");
            transfer.AddCommand<TransferExportCommand>("export")
                .WithDescription("Export backbone + head as one self-contained ONNX classifier ([[N,3,32,32]] pixels in [[0, 1]] to logits) with its card.")
                .WithExample("transfer", "export", "runs/transfer/head-224", "--data", "../shared/data");
            transfer.AddCommand<TransferFinetuneCommand>("finetune")
                .WithDescription("Fine-tune the whole pretrained ResNet18 on CIFAR-10 with a new 10-way fc, then export it with its gradient graph.")
                .WithExample("transfer", "finetune", "--data", "../shared/data", "--resolution", "64", "--epochs", "2", "--subset", "15000", "--device", "cpu", "--threads", "2")
                .WithExample("transfer", "finetune", "--resolution", "64", "--measure-steps", "20", "--threads", "2");
        });
    }
}
