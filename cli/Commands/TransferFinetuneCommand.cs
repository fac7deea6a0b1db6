using Toolkit.Datasets.Cifar;
using Toolkit.Pipelines.Transfer;
using Toolkit.Training.Cifar;

namespace Toolkit.Cli.Commands;

/// <summary>Options of <c>transfer finetune</c>.</summary>
public sealed class TransferFinetuneSettings : TorchSettings
{
    [CommandOption("--resolution <PIXELS>"), Description("Training resolution: the 32x32 images are upsampled (nearest) in the network by R/32; a multiple of 32 (64).")]
    public int Resolution { get; init; } = 64;
    [CommandOption("--epochs <N>"), Description("Epochs over the training subset (2). On an existing run folder: the new total, to cut the run short after its last checkpoint or extend it.")]
    public int? Epochs { get; init; }
    [CommandOption("--subset <N>"), Description("Train on the first N of the 40,000 training images (and N/4 validation images); all when absent.")]
    public int? Subset { get; init; }
    [CommandOption("--batch-size <N>"), Description("Mini-batch size (64 on CPU; the GPU reference recipe uses 512).")]
    public int BatchSize { get; init; } = 64;
    [CommandOption("--lr <RATE>"), Description("Adam learning rate for the whole network (3e-4; the GPU reference recipe uses 1e-3 with batch 512).")]
    public double LearningRate { get; init; } = 3e-4;
    [CommandOption("--schedule <NAME>"), Description("constant or cosine (default) over the epochs.")]
    public Training.LearningRateSchedule Schedule { get; init; } = Training.LearningRateSchedule.Cosine;
    [CommandOption("--flip <BOOL>"), Description("Random horizontal flips of training images (true).")]
    public bool? Flip { get; init; }
    [CommandOption("--seed <SEED>"), Description("Seed of the new fc layer, batch order and flips (1).")]
    public long Seed { get; init; } = 1;
    [CommandOption("--device <DEVICE>"), Description("cpu, cuda or auto (default).")]
    public string Device { get; init; } = "auto";
    [CommandOption("--pretrained <FILE>"), Description("ResNet18.onnx; default: from the Microsoft.ML.DnnImageFeaturizer.ResNet18 package.")]
    public string? Pretrained { get; init; }
    [CommandOption("--out <DIR>"), Description("Run folder (default runs/transfer-resnet18-rR-TIME); an existing one is continued.")]
    public string? Out { get; init; }
    [CommandOption("--models <DIR>"), Description("Where the exported model goes, e.g. models (default: the run folder). A continued run keeps its own.")]
    public string? Models { get; init; }
    [CommandOption("--force"), Description("Replace an existing model, card or gradient graph.")]
    public bool Force { get; init; }
    [CommandOption("--name <NAME>"), Description("Exported model name (cifar10-resnet18-rR).")]
    public string? Name { get; init; }
    [CommandOption("--measure-steps <N>"), Description("Only time N training steps (after one warm-up step), print images/s and stop.")]
    public int? MeasureSteps { get; init; }

    public override ValidationResult Validate() =>
        Validation.Check(Request.Problem(), OptionRules.Range("--measure-steps", MeasureSteps, 1, OptionRules.MaxCount)) ?? base.Validate();

    public FineTuneRequest Request => new(Out ?? FineTuning.NewRunFolder(Resolution), Models, Name, Resolution, Epochs, Subset, BatchSize, LearningRate,
        Schedule, Flip, Seed, Device, Threads, Pretrained);
}

/// <summary>
/// <c>toolkit transfer finetune</c>: imports the pretrained ResNet18, fine-tunes all of it on CIFAR-10 in a run
/// folder, then exports the classifier (input [N, 3, 32, 32] in [0, 1]) with its gradient graph and card.
/// </summary>
public sealed class TransferFinetuneCommand : Command<TransferFinetuneSettings>
{
    public override int Execute(CommandContext context, TransferFinetuneSettings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var request = settings.Request;
        var spec = FineTuning.Spec(request);
        var location = settings.Location;
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(request.Folder)}[/]; data from {Markup.Escape(location.Root)}; " +
            $"resolution {spec.Resolution}, {spec.Training.Epochs} epochs, subset {spec.Subset?.ToString() ?? "all"}, batch {spec.Training.BatchSize}, Adam lr {spec.Training.LearningRate:G3}");
        using var data = CifarData.Load(location.Folder(CifarReader.FolderName), spec.Subset);
        if (settings.MeasureSteps is int steps)
        {
            var speed = FineTuning.Measure(request, spec, data, steps);
            if (settings.Json) Json.Print(speed);
            else AnsiConsole.MarkupLine($"{speed.ImagesPerSecond:F1} training images/s at resolution {speed.Resolution}, batch {speed.BatchSize} " +
                $"({speed.Threads} threads): {speed.EpochSeconds / 60:F1} min per epoch of {data.Train.Count} images");
            return 0;
        }
        var result = TrainingProgressBar.Show(settings.Json, bar => FineTuning.Run(request, spec, data, location, CommandLine.Echo(), settings.Force, bar($"resnet18 r{spec.Resolution}")));
        if (settings.Json) Json.Print(result);
        else
        {
            TrainingReport.PrintEpochs(result.Record.Epochs);
            AnsiConsole.MarkupLine($"Training wall time {result.Record.WallSeconds:F0} s; {result.Record.Epochs.Average(e => e.Seconds):F0} s per epoch");
            if (result.Export is not null) TrainingReport.PrintExport(result.Export);
        }
        return 0;
    }
}
