using Onnx;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export;
using Toolkit.Export.Import;
using Toolkit.Export.Transfer;
using Toolkit.Pipelines.Cifar;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Options;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
using Toolkit.Training.Transfer;

namespace Toolkit.Pipelines.Transfer;

/// <summary>What a fine-tuning run is asked for on the command line; the spec of a new run is made from it.</summary>
public sealed record FineTuneRequest(string Folder, string? ModelsFolder, string? Name, int Resolution, int? Epochs, int? Subset,
    int BatchSize, double LearningRate, LearningRateSchedule Schedule, bool? Flip, long Seed, string Device, int? Threads, string? Pretrained)
{
    /// <summary>The first problem of the request (naming the command line's option), or null when it can run.</summary>
    public string? Problem() =>
        OptionRules.First(
            Resolution is < 32 or > 1024 || Resolution % 32 != 0 ? $"--resolution {Resolution}: expected a multiple of 32 from 32 to 1,024" : null,
            OptionRules.Range("--epochs", Epochs, 1, OptionRules.MaxCount),
            OptionRules.Range("--subset", Subset, 1, CifarData.TrainingCount),
            OptionRules.Range("--batch-size", BatchSize, 2, OptionRules.MaxBatch) is string batch
                ? batch + " (batch norm trains on batch statistics)" : null,
            OptionRules.Positive("--lr", LearningRate));
}

/// <summary>Training images per second measured over a few steps, and the minutes an epoch would take at that rate.</summary>
public sealed record FineTuneSpeed(int Resolution, int BatchSize, int Steps, double ImagesPerSecond, double EpochSeconds, int Threads);

public sealed record FineTuneResult(string Folder, RunRecord<FineTuneSpec> Record, ExportResult? Export);

/// <summary>
/// Fine-tuning the pretrained ResNet18 on CIFAR-10, top to bottom: the spec (an existing run folder keeps its own),
/// the export target checked, the network (pretrained weights or the checkpoint), training in the run folder, then the
/// export: graph → test accuracy through ONNX Runtime in memory → model, card and gradient graph.
/// </summary>
public static class FineTuning
{
    public const int DefaultEpochs = 2;

    /// <summary>A new run folder named by resolution and time: runs/transfer-resnet18-rR-TIME.</summary>
    public static string NewRunFolder(int resolution) => Path.Combine("runs", $"transfer-resnet18-r{resolution}-{DateTime.Now:yyyyMMdd-HHmmss}");

    /// <summary>Times <paramref name="steps"/> training steps (after one warm-up step) of the run's network; trains nothing to keep.</summary>
    public static FineTuneSpeed Measure(FineTuneRequest request, FineTuneSpec spec, CifarData data, int steps)
    {
        using var model = Network(request.Folder, spec);
        double rate = FineTuneRun.MeasureImagesPerSecond(spec, model, data.Train, steps);
        return new FineTuneSpeed(spec.Resolution, spec.Training.BatchSize, steps, rate, data.Train.Count / rate, TorchSharp.torch.get_num_threads());
    }

    /// <summary>The spec a request trains: a run folder's own (only the epoch count may change), else a new one.</summary>
    public static FineTuneSpec Spec(FineTuneRequest request)
    {
        string recordPath = Path.Combine(request.Folder, RunRecord<FineTuneSpec>.FileName);
        if (!File.Exists(recordPath)) return NewSpec(request);
        var spec = RunJson.Read<RunRecord<FineTuneSpec>>(recordPath).Spec;
        return request.Epochs is int epochs && epochs != spec.Training.Epochs ? spec with { Training = spec.Training with { Epochs = epochs } } : spec;
    }

    /// <summary>The export target of a run: the one it was started with, else in the models folder asked for, else inside the run folder.</summary>
    public static ExportTarget Target(FineTuneRequest request, FineTuneSpec spec) =>
        ExportTarget.Read(request.Folder) ?? ExportTarget.For(request.Folder, request.ModelsFolder, request.Name ?? $"cifar10-resnet18-r{spec.Resolution}", noExport: false);

    public static FineTuneResult Run(FineTuneRequest request, FineTuneSpec spec, CifarData data, DataLocation location, string command,
        bool force, ITrainingProgress progress)
    {
        var target = Target(request, spec);
        if (!target.Written) OutputGuard.ModelTarget(target.ModelPath!, force);
        Directory.CreateDirectory(request.Folder);
        target.Save(request.Folder);

        using var model = Network(request.Folder, spec);
        var record = FineTuneRun.Train(spec, model, data, request.Folder, command, progress);
        if (target.Written) return new FineTuneResult(request.Folder, record, null);
        var export = Export(request.Folder, target.ModelPath!, location);
        (target with { Written = true }).Save(request.Folder);
        return new FineTuneResult(request.Folder, record, export);
    }

    /// <summary>The network to train: from the run folder's checkpoint when there is one, else the pretrained weights.</summary>
    public static TorchSharp.Modules.Sequential Network(string folder, FineTuneSpec spec)
    {
        var model = File.Exists(Path.Combine(folder, Checkpoint.FileName)) ? FineTuneRun.Build(spec, out _) : Pretrained(spec);
        TorchSharp.torch.manual_seed(spec.Training.Seed);
        return model;
    }

    /// <summary>A fine-tuning run folder as a self-contained classifier (normalization and upsampling in the graph).</summary>
    public static ExportResult Export(string folder, string onnxPath, DataLocation data)
    {
        var (model, record) = FineTuneRun.LoadTrained(folder);
        using (model)
        {
            var final = record.Final ?? throw new InvalidOperationException($"{folder}: the run has not finished");
            var description = new ModelDescription
            {
                Name = Path.GetFileNameWithoutExtension(onnxPath),
                Arch = $"resnet18-pretrained-imagenet-r{record.Spec.Resolution}",
                Classes = CifarImages.ClassNames,
                InputLayout = "NCHW",
                InputShape = [-1, CifarImages.Channels, CifarImages.Height, CifarImages.Width],
                Normalization = new Normalization(record.Spec.Mean, record.Spec.Std),
                Dataset = record.Dataset,
                DatasetSha256 = record.DataSha256,
                Metrics = new Dictionary<string, double>(),
                RunJson = System.Text.Json.JsonSerializer.Serialize(new { record.Spec, record.Command, record.WallSeconds }, RunJson.Options),
            };
            var metrics = CifarExport.TrainingMetrics(final, record.WallSeconds);
            metrics["seconds_per_epoch"] = Math.Round(record.Epochs.Average(e => e.Seconds), 1);
            var graph = OnnxModelExporter.Build(model, description, CifarNets.Classes);
            return MeasuredExport.Classifier(graph, description, metrics, onnxPath, folder, data);
        }
    }

    private static FineTuneSpec NewSpec(FineTuneRequest request)
    {
        string pretrained = PretrainedResNetFiles.RequireModel(request.Pretrained);
        var graph = new ResNetOnnxGraph(Toolkit.Export.OnnxFiles.Read(pretrained));
        string preprocess = PretrainedResNetFiles.FindPreprocess()
            ?? throw new FileNotFoundException($"{PretrainedResNetFiles.PreprocessRelative} (the pretrained network's preprocessing) not found");
        var (mean, std) = ResNetPreprocessing.Read(preprocess).RgbUnitMeanStd();
        return new FineTuneSpec
        {
            Pretrained = Path.GetFileName(pretrained),
            PretrainedSha256 = FileChecksums.Sha256(pretrained),
            StageBlocks = graph.StageBlocks(),
            Mean = mean,
            Std = std,
            Resolution = request.Resolution,
            Subset = request.Subset,
            Device = request.Device,
            Threads = request.Threads,
            Training = new TrainingOptions
            {
                LearningRate = request.LearningRate, Epochs = request.Epochs ?? DefaultEpochs, BatchSize = request.BatchSize,
                Optimizer = OptimizerKind.Adam, Schedule = request.Schedule, FlipAugment = request.Flip ?? true, Seed = request.Seed,
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
