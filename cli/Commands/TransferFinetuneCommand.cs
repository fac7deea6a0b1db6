using Onnx;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export.Import;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
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
        string command = "toolkit " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
        string folder = settings.Out ?? Path.Combine("runs", $"transfer-resnet18-r{settings.Resolution}-{DateTime.Now:yyyyMMdd-HHmmss}");
        string recordPath = Path.Combine(folder, RunRecord<FineTuneSpec>.FileName);
        var spec = File.Exists(recordPath) ? Continued(RunJson.Read<RunRecord<FineTuneSpec>>(recordPath).Spec, settings) : NewSpec(settings);
        var location = settings.Location;
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(folder)}[/]; data from {Markup.Escape(location.Root)}; " +
            $"resolution {spec.Resolution}, {spec.Training.Epochs} epochs, subset {spec.Subset?.ToString() ?? "all"}, batch {spec.Training.BatchSize}, Adam lr {spec.Training.LearningRate:G3}");
        using var data = CifarData.Load(location.Folder(CifarReader.FolderName), spec.Subset);

        bool resuming = File.Exists(Path.Combine(folder, Checkpoint.FileName));
        using var model = resuming ? FineTuneRun.Build(spec, out _) : Pretrained(spec);
        TorchSharp.torch.manual_seed(spec.Training.Seed);

        if (settings.MeasureSteps is int steps)
        {
            double rate = FineTuneRun.MeasureImagesPerSecond(spec, model, data.Train, steps);
            double epochSeconds = data.Train.Count / rate;
            if (settings.Json) Json.Print(new { spec.Resolution, spec.Training.BatchSize, steps, imagesPerSecond = rate, epochSeconds, threads = TorchSharp.torch.get_num_threads() });
            else AnsiConsole.MarkupLine($"{rate:F1} training images/s at resolution {spec.Resolution}, batch {spec.Training.BatchSize} " +
                $"({TorchSharp.torch.get_num_threads()} threads): {epochSeconds / 60:F1} min per epoch of {data.Train.Count} images");
            return 0;
        }

        var record = TrainingProgressBar.Show(ctx => FineTuneRun.Train(spec, model, data, folder, command,
            settings.Json ? SilentProgress.Instance : new TrainingProgressBar(ctx, $"resnet18 r{spec.Resolution}")));
        string onnxPath = Path.Combine(settings.Models, $"{settings.Name ?? $"cifar10-resnet18-r{spec.Resolution}"}.onnx");
        var export = TransferModelExport.Export(folder, onnxPath, location);

        if (settings.Json) Json.Print(new { folder, record, export });
        else
        {
            TrainingReport.PrintEpochs(record.Epochs);
            AnsiConsole.MarkupLine($"Training wall time {record.WallSeconds:F0} s; {record.Epochs.Average(e => e.Seconds):F0} s per epoch");
            TrainingReport.PrintExport(export.Model);
            AnsiConsole.MarkupLine($"Gradient graph: [bold]{Markup.Escape(export.GradientGraph)}[/]");
        }
        return 0;
    }

    /// <summary>A run folder's spec; only --epochs may change it (to cut a run short after a checkpoint, or extend it).</summary>
    private static FineTuneSpec Continued(FineTuneSpec spec, TransferFinetuneSettings settings) =>
        settings.Epochs is int epochs && epochs != spec.Training.Epochs
            ? spec with { Training = spec.Training with { Epochs = epochs } }
            : spec;

    private static FineTuneSpec NewSpec(TransferFinetuneSettings settings)
    {
        string pretrained = PretrainedResNetFiles.RequireModel(settings.Pretrained);
        var graph = new ResNetOnnxGraph(Toolkit.Export.OnnxFiles.Read(pretrained));
        string preprocess = PretrainedResNetFiles.FindPreprocess()
            ?? throw new FileNotFoundException($"{PretrainedResNetFiles.PreprocessRelative} (the pretrained network's preprocessing) not found");
        var (mean, std) = Toolkit.Export.Transfer.ResNetPreprocessing.Read(preprocess).RgbUnitMeanStd();
        return new FineTuneSpec
        {
            Pretrained = Path.GetFileName(pretrained),
            PretrainedSha256 = FileChecksums.Sha256(pretrained),
            StageBlocks = graph.StageBlocks(),
            Mean = mean,
            Std = std,
            Resolution = settings.Resolution,
            Subset = settings.Subset,
            Device = settings.Device,
            Threads = settings.Threads,
            Training = new TrainingOptions
            {
                LearningRate = settings.LearningRate, Epochs = settings.Epochs ?? TransferFinetuneSettings.DefaultEpochs, BatchSize = settings.BatchSize,
                Optimizer = OptimizerKind.Adam, Schedule = settings.Schedule, FlipAugment = settings.Flip ?? true, Seed = settings.Seed,
            },
        };
    }

    /// <summary>The fine-tuning network with the pretrained weights and a new fc seeded by the run's seed.</summary>
    private static TorchSharp.Modules.Sequential Pretrained(FineTuneSpec spec)
    {
        TorchSharp.torch.manual_seed(spec.Training.Seed);
        var model = FineTuneRun.Build(spec, out var resnet);
        string path = PretrainedResNetFiles.RequireModel(File.Exists(spec.Pretrained) ? spec.Pretrained : null);
        var graph = new ResNetOnnxGraph(Toolkit.Export.OnnxFiles.Read(path));
        PretrainedResNetImporter.LoadInto(resnet, graph, reverseInputChannels: true);
        return model;
    }
}
