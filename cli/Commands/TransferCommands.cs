using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class TransferCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("transfer", transfer =>
        {
            transfer.SetDescription("Transfer learning from the ImageNet-pretrained ResNet18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18).");
            transfer.AddCommand<TransferFinetuneCommand>("finetune")
                .WithDescription("Fine-tune the whole pretrained ResNet18 on CIFAR-10 with a new 10-way fc, then export it with its gradient graph.")
                .WithExample("transfer", "finetune", "--data", "../shared/data", "--resolution", "64", "--epochs", "2", "--subset", "15000", "--device", "cpu", "--threads", "2")
                .WithExample("transfer", "finetune", "--resolution", "64", "--measure-steps", "20", "--threads", "2");
        });
    }
}
