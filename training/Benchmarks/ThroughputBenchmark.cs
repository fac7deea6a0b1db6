using System.Diagnostics;
using Toolkit.Training.Cifar;
using Toolkit.Training.Data;
using static TorchSharp.torch;

namespace Toolkit.Training.Benchmarks;

public sealed record ThroughputResult(string Arch, int BatchSize, int Batches, int Rounds, double ToolkitImagesPerSecond, double BareImagesPerSecond)
{
    public double Ratio => ToolkitImagesPerSecond / BareImagesPerSecond;
}

/// <summary>
/// Training throughput of the toolkit's data path (uint8 split, seeded shuffle, index_select, per-batch
/// conversion, flips when the recipe has them, Trainer.Step) against a bare TorchSharp loop over a
/// preloaded float tensor, with the same network, batch size and optimizer. Rounds alternate the two so
/// a change in machine load hits both alike.
/// </summary>
public static class ThroughputBenchmark
{
    private const int WarmupBatches = 3;

    public static ThroughputResult Run(CifarRunSpec spec, ImageTensors train, int batches, int rounds)
    {
        var device = Devices.Resolve("cpu");
        int batchSize = spec.Training.BatchSize;
        using var bareImages = ImageTensors.ToUnitFloat(train.Images.narrow(0, 0, Math.Min(train.Count, batches * batchSize)));
        using var bareLabels = train.Labels.narrow(0, 0, bareImages.shape[0]);
        double toolkitSeconds = 0, bareSeconds = 0;
        for (int round = 0; round < rounds; round++)
        {
            toolkitSeconds += TimeToolkit(spec, train, batches, device);
            bareSeconds += TimeBare(spec, bareImages, bareLabels, batches, device);
        }
        double images = (double)rounds * batches * batchSize;
        return new ThroughputResult(spec.Net.Arch.ToString().ToLowerInvariant(), batchSize, batches, rounds,
            images / toolkitSeconds, images / bareSeconds);
    }

    private static double TimeToolkit(CifarRunSpec spec, ImageTensors train, int batches, Device device)
    {
        using var model = CifarRun.CreateModel(spec, device);
        var trainer = new Trainer(model, spec.Training, device);
        var sampler = new BatchSampler(train, spec.Training);
        using var epoch = sampler.Epoch(0, device).GetEnumerator();
        var clock = new Stopwatch();
        for (int b = 0; b < WarmupBatches + batches; b++)
        {
            if (b == WarmupBatches) clock.Start();
            using var scope = NewDisposeScope();
            if (!epoch.MoveNext()) throw new ArgumentException($"the split has fewer than {WarmupBatches + batches} batches");
            trainer.Step(epoch.Current.Images, epoch.Current.Labels);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double TimeBare(CifarRunSpec spec, Tensor images, Tensor labels, int batches, Device device)
    {
        using var model = CifarRun.CreateModel(spec, device);
        var optimizer = Trainer.CreateOptimizer(model, spec.Training);
        model.train();
        int batchSize = spec.Training.BatchSize;
        var clock = new Stopwatch();
        for (int b = 0; b < WarmupBatches + batches; b++)
        {
            if (b == WarmupBatches) clock.Start();
            using var scope = NewDisposeScope();
            long start = (long)(b % batches) * batchSize;
            var x = images.narrow(0, start, batchSize);
            var y = labels.narrow(0, start, batchSize);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }
        return clock.Elapsed.TotalSeconds;
    }
}
