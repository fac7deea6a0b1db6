using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class AttackCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<AttackCommand>("attack")
            .WithDescription("Adversarial attacks (FGSM, PGD, targeted) through ONNX Runtime and the model's gradient graph: accuracy against eps, success rate, perturbation norms, throughput, example grid.")
            .WithExample("attack", "models/lenet.onnx", "--method", "fgsm", "--eps", "0.025", "--dataset", "cifar10-test", "--out", "attack-lenet")
            .WithExample("attack", "models/lenet.onnx", "--method", "fgsm,pgd", "--eps", "0:0.1:0.005", "--limit", "1000", "--out", "attack-curve")
            .WithExample("attack", "models/lenet.onnx", "--image", "models/samples/cifar10-test-00001-ship.png", "--eps", "0.025", "--out", "ship-adv.png");
        config.AddCommand<ExportGradCommand>("export-grad")
            .WithDescription("Write the input-gradient graph NAME.grad.onnx next to a classifier NAME.onnx (used by attack).")
            .WithExample("export-grad", "models/lenet.onnx");
    }
}
