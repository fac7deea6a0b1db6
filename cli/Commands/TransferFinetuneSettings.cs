using System.ComponentModel;
using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

/// <summary>Options of <c>transfer finetune</c>.</summary>
public sealed class TransferFinetuneSettings : TorchSettings
{
    [CommandOption("--resolution <PIXELS>")]
    [Description("Training resolution: the 32x32 images are upsampled (nearest) in the network by R/32; a multiple of 32 (64).")]
    public int Resolution { get; init; } = 64;
    [CommandOption("--epochs <N>")]
    [Description("Epochs over the training subset (2). On an existing run folder: the new total, to cut the run short after its last checkpoint or extend it.")]
    public int? Epochs { get; init; }
    [CommandOption("--subset <N>")]
    [Description("Train on the first N of the 40,000 training images (and N/4 validation images); all when absent.")]
    public int? Subset { get; init; }
    [CommandOption("--batch-size <N>")]
    [Description("Mini-batch size (64 on CPU; the GPU reference recipe uses 512).")]
    public int BatchSize { get; init; } = 64;
    [CommandOption("--lr <RATE>")]
    [Description("Adam learning rate for the whole network (3e-4; the GPU reference recipe uses 1e-3 with batch 512).")]
    public double LearningRate { get; init; } = 3e-4;
    [CommandOption("--schedule <NAME>")]
    [Description("constant or cosine (default) over the epochs.")]
    public Training.LearningRateSchedule Schedule { get; init; } = Training.LearningRateSchedule.Cosine;
    [CommandOption("--flip <BOOL>")]
    [Description("Random horizontal flips of training images (true).")]
    public bool? Flip { get; init; }
    [CommandOption("--seed <SEED>")]
    [Description("Seed of the new fc layer, batch order and flips (1).")]
    public long Seed { get; init; } = 1;
    [CommandOption("--device <DEVICE>")]
    [Description("cpu, cuda or auto (default).")]
    public string Device { get; init; } = "auto";
    [CommandOption("--pretrained <FILE>")]
    [Description("ResNet18.onnx; default: from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package.")]
    public string? Pretrained { get; init; }
    [CommandOption("--out <DIR>")]
    [Description("Run folder (default runs/transfer-resnet18-rR-TIME); an existing one is continued.")]
    public string? Out { get; init; }
    [CommandOption("--models <DIR>")]
    [Description("Where the exported model goes, e.g. models (default: the run folder). A continued run keeps its own.")]
    public string? Models { get; init; }
    [CommandOption("--force")]
    [Description("Replace an existing model, card or gradient graph.")]
    public bool Force { get; init; }
    [CommandOption("--name <NAME>")]
    [Description("Exported model name (cifar10-resnet18-rR).")]
    public string? Name { get; init; }
    [CommandOption("--measure-steps <N>")]
    [Description("Only time N training steps (after one warm-up step), print images/s and stop.")]
    public int? MeasureSteps { get; init; }

    public override Spectre.Console.ValidationResult Validate() =>
        OptionRules.Check(
            Resolution is < 32 or > 1024 || Resolution % 32 != 0 ? $"--resolution {Resolution}: expected a multiple of 32 from 32 to 1,024" : null,
            OptionRules.Range("--epochs", Epochs, 1, OptionRules.MaxCount),
            OptionRules.Range("--subset", Subset, 1, Training.Cifar.CifarData.TrainingCount),
            OptionRules.Range("--batch-size", BatchSize, 2, OptionRules.MaxBatch) is string batch
                ? batch + " (batch norm trains on batch statistics)" : null,
            OptionRules.Positive("--lr", LearningRate),
            OptionRules.Range("--measure-steps", MeasureSteps, 1, OptionRules.MaxCount)) ?? base.Validate();
}
