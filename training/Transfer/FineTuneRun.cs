using System.Diagnostics;
using Toolkit.Training.Cifar;
using Toolkit.Training.Data;
using Toolkit.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Transfer;

/// <summary>
/// Fine-tunes the whole pretrained network on CIFAR-10 in a run folder (run.json, checkpoint.bin after every
/// epoch); called again on the folder it continues after the last finished epoch, or returns the finished record.
/// </summary>
public static class FineTuneRun
{
    public const string Dataset = "cifar10";

    /// <summary>Test accuracies in run.json: the export measures them (JSON has no NaN).</summary>
    public const double NotMeasured = -1;

    /// <summary>The fine-tuning network for a spec, with random weights (a checkpoint or the importer fills them).</summary>
    public static Sequential Build(FineTuneSpec spec, out ResNet resnet)
    {
        resnet = ResNetBuilder.BasicBlocks(spec.StageBlocks, CifarNets.Classes);
        return FineTuneNet.Build(resnet, spec.Mean, spec.Std, spec.Resolution);
    }

    public static RunRecord<FineTuneSpec> Train(FineTuneSpec spec, Sequential model, CifarData data, string folder, string command, ITrainingProgress progress)
    {
        Directory.CreateDirectory(folder);
        string recordPath = Path.Combine(folder, RunRecord<FineTuneSpec>.FileName);
        var previous = File.Exists(recordPath) ? RunJson.Read<RunRecord<FineTuneSpec>>(recordPath) : null;
        if (previous is { Finished: true } && previous.Epochs.Count >= spec.Training.Epochs) return previous;

        var device = Devices.Resolve(spec.Device);
        // A continued run may change its epoch count (cut short or extended); run.json keeps every command.
        var record = previous is not null
            ? previous with { Spec = spec, Finished = false, Command = previous.Command == command ? command : $"{previous.Command} ; {command}" }
            : new RunRecord<FineTuneSpec>
            {
                Dataset = Dataset, Spec = spec, DataSha256 = data.Checksums, Versions = SoftwareVersions.Current(),
                Device = device.ToString(), Command = command, Started = DateTimeOffset.Now,
            };
        RunJson.Write(recordPath, record);

        var clock = Stopwatch.StartNew();
        model.to(device);
        var trainer = new Trainer(model, spec.Training, device);
        var epochs = new List<EpochMetrics>(trainer.Train(data.Train, data.Validation, Path.Combine(folder, Checkpoint.FileName),
            new EpochRecorder(progress, record.Epochs, done => RunJson.Write(recordPath,
                record with { Epochs = done, WallSeconds = record.WallSeconds + clock.Elapsed.TotalSeconds }))));
        // Test accuracy is measured once, through ONNX Runtime on the exported file (a ResNet pass over 10,000
        // upsampled images is minutes on a CPU); the final train and validation accuracies are the last epoch's.
        var last = epochs[^1];
        var final = new FinalMetrics(last.TrainAccuracy, last.ValidationAccuracy, TestAccuracy: NotMeasured, TestAccuracyLossless1000: NotMeasured);
        record = record with { Epochs = epochs, Final = final, Finished = true, WallSeconds = record.WallSeconds + clock.Elapsed.TotalSeconds };
        RunJson.Write(recordPath, record);
        return record;
    }

    /// <summary>The trained network of a run folder, on the CPU, in eval mode.</summary>
    public static (Sequential Model, RunRecord<FineTuneSpec> Record) LoadTrained(string folder)
    {
        var record = RunJson.Read<RunRecord<FineTuneSpec>>(Path.Combine(folder, RunRecord<FineTuneSpec>.FileName));
        var model = Build(record.Spec, out _);
        Checkpoint.Load(Path.Combine(folder, Checkpoint.FileName), model);
        model.eval();
        return (model, record);
    }

    /// <summary>Training images per second over <paramref name="steps"/> optimizer steps (after one warm-up step); the weights change.</summary>
    public static double MeasureImagesPerSecond(FineTuneSpec spec, Sequential model, ImageTensors train, int steps)
    {
        var device = Devices.Resolve(spec.Device);
        model.to(device).train();
        var trainer = new Trainer(model, spec.Training, device);
        var sampler = new BatchSampler(train, spec.Training);
        var clock = new Stopwatch();
        int done = 0;
        long images = 0;
        using var batches = sampler.Epoch(0, device).GetEnumerator();
        while (done <= steps)
        {
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            var (x, y) = batches.Current;
            trainer.Step(x, y);
            if (done++ == 0) { clock.Start(); continue; }
            images += y.shape[0];
        }
        return images / clock.Elapsed.TotalSeconds;
    }
}
