using System.Diagnostics;
using Toolkit.Format;
using Toolkit.Training.Plots;
using Toolkit.Training.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Cifar;

/// <summary>
/// Trains one CIFAR-10 network in a run folder: run.json, checkpoint.bin and curves.png. Calling it
/// again on a folder with a checkpoint continues from the last finished epoch.
/// </summary>
public static class CifarRun
{
    public const string Dataset = "cifar10";
    public const string CurvesFileName = "curves.png";

    public static RunRecord<CifarRunSpec> Train(CifarRunSpec spec, CifarData data, string folder, string command, ITrainingProgress progress)
    {
        Directory.CreateDirectory(folder);
        string recordPath = Path.Combine(folder, RunRecord<CifarRunSpec>.FileName);
        var previous = File.Exists(recordPath) ? RunJson.Read<RunRecord<CifarRunSpec>>(recordPath) : null;
        if (previous?.Finished == true) return previous;

        var device = Devices.Resolve(spec.Device);
        var record = previous ?? new RunRecord<CifarRunSpec>
        {
            Dataset = Dataset, Spec = spec, DataSha256 = data.Checksums, Versions = SoftwareVersions.Current(),
            Device = device.ToString(), Command = command, Started = DateTimeOffset.Now,
        };
        RunJson.Write(recordPath, record);

        var clock = Stopwatch.StartNew();
        using var model = CreateModel(spec, device);
        var trainer = new Trainer(model, spec.Training, device);
        var epochs = trainer.Train(data.Train, data.Validation, Path.Combine(folder, Checkpoint.FileName),
            new EpochRecorder(progress, record.Epochs, done => RunJson.Write(recordPath,
                record with { Epochs = done, WallSeconds = record.WallSeconds + clock.Elapsed.TotalSeconds })));
        var final = Measure(model, data, device);
        record = record with
        {
            Epochs = epochs,
            Final = final,
            Finished = true,
            WallSeconds = record.WallSeconds + clock.Elapsed.TotalSeconds,
        };
        RunJson.Write(recordPath, record);
        AccuracyCurves.SavePng(Path.Combine(folder, CurvesFileName), $"{Dataset} {spec.Net.Arch.ToString().ToLowerInvariant()}",
            [new AccuracyCurves.Series(spec.Net.Arch.ToString().ToLowerInvariant(), epochs)]);
        return record;
    }

    /// <summary>The network with seeded initial weights, on the device.</summary>
    public static Sequential CreateModel(CifarRunSpec spec, Device device)
    {
        manual_seed(spec.Training.Seed);
        var model = CifarNets.Build(spec.Net);
        model.to(device);
        return model;
    }

    /// <summary>The trained network of a run folder, on the CPU, in eval mode.</summary>
    public static (Sequential Model, RunRecord<CifarRunSpec> Record) LoadTrained(string folder)
    {
        var record = RunJson.Read<RunRecord<CifarRunSpec>>(Path.Combine(folder, RunRecord<CifarRunSpec>.FileName));
        var model = CifarNets.Build(record.Spec.Net);
        Checkpoint.Load(Path.Combine(folder, Checkpoint.FileName), model);
        model.eval();
        return (model, record);
    }

    private static FinalMetrics Measure(Sequential model, CifarData data, Device device)
    {
        using var lossless = data.Test.Take(ModelFormat.LosslessTestImages);
        return new FinalMetrics(
            Evaluation.Evaluate(model, data.Train, device).Accuracy,
            Evaluation.Evaluate(model, data.Validation, device).Accuracy,
            Evaluation.Evaluate(model, data.Test, device).Accuracy,
            Evaluation.Evaluate(model, lossless, device).Accuracy);
    }
}
