using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Cifar;
using Toolkit.Pipelines.Transfer;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>
/// <c>toolkit transfer finetune</c>: imports the pretrained ResNet18, fine-tunes all of it on CIFAR-10 in a run
/// folder, then exports the classifier (input [N, 3, 32, 32] in [0, 1]) with its gradient graph and card.
/// </summary>
public sealed class TransferFinetuneCommand : Command<TransferFinetuneSettings>
{
    public override int Execute(CommandContext context, TransferFinetuneSettings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var request = new FineTuneRequest(
            settings.Out ?? Path.Combine("runs", $"transfer-resnet18-r{settings.Resolution}-{DateTime.Now:yyyyMMdd-HHmmss}"),
            settings.Models, settings.Name, settings.Resolution, settings.Epochs, settings.Subset, settings.BatchSize, settings.LearningRate,
            settings.Schedule, settings.Flip, settings.Seed, settings.Device, settings.Threads, settings.Pretrained);
        var spec = FineTuning.Spec(request);
        var location = settings.Location;
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(request.Folder)}[/]; data from {Markup.Escape(location.Root)}; " +
            $"resolution {spec.Resolution}, {spec.Training.Epochs} epochs, subset {spec.Subset?.ToString() ?? "all"}, batch {spec.Training.BatchSize}, Adam lr {spec.Training.LearningRate:G3}");
        using var data = CifarData.Load(location.Folder(CifarReader.FolderName), spec.Subset);

        if (settings.MeasureSteps is int steps) return Measure(settings, spec, data, request.Folder, steps);

        var result = TrainingProgressBar.Show(ctx => FineTuning.Run(request, spec, data, location, CommandLine.Echo(), settings.Force,
            settings.Json ? SilentProgress.Instance : new TrainingProgressBar(ctx, $"resnet18 r{spec.Resolution}")));
        if (settings.Json) Json.Print(result);
        else
        {
            TrainingReport.PrintEpochs(result.Record.Epochs);
            AnsiConsole.MarkupLine($"Training wall time {result.Record.WallSeconds:F0} s; {result.Record.Epochs.Average(e => e.Seconds):F0} s per epoch");
            if (result.Export is not null) TrainingReport.PrintExport(result.Export);
        }
        return 0;
    }

    private static int Measure(TransferFinetuneSettings settings, FineTuneSpec spec, CifarData data, string folder, int steps)
    {
        using var model = FineTuning.Network(folder, spec);
        double rate = FineTuneRun.MeasureImagesPerSecond(spec, model, data.Train, steps);
        double epochSeconds = data.Train.Count / rate;
        int threads = TorchSharp.torch.get_num_threads();
        if (settings.Json) Json.Print(new { spec.Resolution, spec.Training.BatchSize, steps, imagesPerSecond = rate, epochSeconds, threads });
        else AnsiConsole.MarkupLine($"{rate:F1} training images/s at resolution {spec.Resolution}, batch {spec.Training.BatchSize} " +
            $"({threads} threads): {epochSeconds / 60:F1} min per epoch of {data.Train.Count} images");
        return 0;
    }
}
