using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class TrainCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train networks with TorchSharp into run folders, then export the best to ONNX.");
            train.AddCommand<TrainCifarCommand>("cifar10")
                .WithDescription("Train a CIFAR-10 classifier (logreg, mlp, conv, lenet), or search its hyperparameters.")
                .WithExample("train", "cifar10", "--arch", "lenet", "--data", "../shared/data")
                .WithExample("train", "cifar10", "--arch", "logreg", "--search", "grid", "--lr", "1e-2,1e-3,1e-4")
                .WithExample("train", "cifar10", "--arch", "lenet", "--search", "random", "--trials", "20", "--o1", "100:200", "--subset", "5000");
            train.AddCommand<TrainMnistAeCommand>("mnist-ae")
                .WithDescription("Train MNIST autoencoders (F1 linear, F2 relu), one per hidden size, and export each to ONNX.")
                .WithExample("train", "mnist-ae", "--kind", "linear", "--hidden", "32,64,128")
                .WithExample("train", "mnist-ae", "--kind", "relu", "--hidden", "128", "--batch", "256", "--steps", "20000");
        });
    }
}
