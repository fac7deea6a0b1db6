using System.Diagnostics;
using Toolkit.Datasets;
using Toolkit.Training.Runs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Mnist;

/// <summary>
/// Trains one MNIST autoencoder in a run folder: run.json (kept current while it trains), weights.bin and
/// loss.png. A folder whose run finished is returned as it is.
/// </summary>
public static class AutoencoderRun
{
    public const string Dataset = "mnist";
    public const string WeightsFileName = "weights.bin";
    public const string CurveFileName = "loss.png";

    public static AutoencoderRecord Train(AutoencoderOptions options, string dataFolder, string folder, string command,
        Action<StepLoss>? onStep = null)
    {
        Directory.CreateDirectory(folder);
        string recordPath = Path.Combine(folder, AutoencoderRecord.FileName);
        if (File.Exists(recordPath) && RunJson.Read<AutoencoderRecord>(recordPath) is { Finished: true } done) return done;

        var clock = Stopwatch.StartNew();
        if (options.Threads > 0) set_num_threads(options.Threads);
        var record = new AutoencoderRecord
        {
            Name = AutoencoderNets.Name(options.Kind, options.Hidden), Dataset = Dataset, Options = options,
            DataSha256 = MnistPixels.TrainChecksums(dataFolder), Versions = SoftwareVersions.Current(), Command = command,
            Started = DateTimeOffset.Now,
        };
        RunJson.Write(recordPath, record);

        using var train = MnistPixels.Load(dataFolder, train: true);
        using var test = MnistPixels.Load(dataFolder, train: false);
        using var model = CreateModel(options);
        var steps = AutoencoderTrainer.Train(model, train, options, step => Report(step, recordPath, record, onStep));
        SaveWeights(Path.Combine(folder, WeightsFileName), model);
        record = record with
        {
            Finished = true,
            Steps = steps,
            TrainSeconds = steps[^1].Seconds,
            TrainMse = AutoencoderTrainer.Mse(model, train),
            TestMse = AutoencoderTrainer.Mse(model, test),
            WallSeconds = clock.Elapsed.TotalSeconds,
        };
        RunJson.Write(recordPath, record);
        LossCurve.SavePng(Path.Combine(folder, CurveFileName), record.Name, steps);
        return record;
    }

    public static Sequential CreateModel(AutoencoderOptions options)
    {
        manual_seed(options.Seed);
        return AutoencoderNets.Build(options.Kind, options.Hidden);
    }

    /// <summary>The trained network of a run folder, in eval mode.</summary>
    public static (Sequential Model, AutoencoderRecord Record) LoadTrained(string folder)
    {
        var record = RunJson.Read<AutoencoderRecord>(Path.Combine(folder, AutoencoderRecord.FileName));
        if (!record.Finished) throw new InvalidOperationException($"the run in {folder} has not finished");
        var model = AutoencoderNets.Build(record.Options.Kind, record.Options.Hidden);
        model.load(Path.Combine(folder, WeightsFileName));
        model.eval();
        return (model, record);
    }

    private static void SaveWeights(string path, Sequential model) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            model.save(writer);
        });

    /// <summary>Every 25 steps, run.json says how far the run got.</summary>
    private static void Report(StepLoss step, string recordPath, AutoencoderRecord record, Action<StepLoss>? onStep)
    {
        if (step.Step % 25 == 0) RunJson.Write(recordPath, record with { TrainSeconds = step.Seconds, Steps = [step] });
        onStep?.Invoke(step);
    }
}
