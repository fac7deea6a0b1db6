using System.Diagnostics;
using Toolkit.Training.Topics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Mnist;

/// <summary>One optimizer step: its number, the MSE of the batch it was computed on, and the seconds since the start.</summary>
public sealed record StepLoss(int Step, double Loss, double Seconds);

/// <summary>Trains an autoencoder to reproduce its input under the mean squared error over all pixels, with Adam.</summary>
public static class AutoencoderTrainer
{
    public static IReadOnlyList<StepLoss> Train(Sequential model, Tensor pixels, AutoencoderOptions options, Action<StepLoss>? onStep = null)
    {
        var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var batches = new BatchOrder(pixels.shape[0], options.BatchSize, options.Seed);
        var clock = Stopwatch.StartNew();
        var losses = new List<StepLoss>(options.Steps);
        model.train();
        for (int step = 1; step <= options.Steps; step++)
        {
            if (options.Cosine) SetLearningRate(optimizer, CosineRate(options, step));
            double loss = Step(model, optimizer, batches.Next(pixels));
            if (!double.IsFinite(loss)) throw new InvalidOperationException($"the loss diverged at step {step}; try a lower --lr");
            var record = new StepLoss(step, loss, clock.Elapsed.TotalSeconds);
            losses.Add(record);
            onStep?.Invoke(record);
        }
        model.eval();
        return losses;
    }

    /// <summary>Mean squared error of the model's reconstruction of <paramref name="pixels"/>, in chunks.</summary>
    public static double Mse(Sequential model, Tensor pixels, int chunk = 10_000)
    {
        using var _ = no_grad();
        double sum = 0;
        long n = pixels.shape[0];
        for (long start = 0; start < n; start += chunk)
        {
            using var scope = NewDisposeScope();
            var x = pixels.narrow(0, start, Math.Min(chunk, n - start));
            sum += (model.forward(x) - x).square().sum().item<float>();
        }
        return sum / (n * pixels.shape[1]);
    }

    /// <summary>The rate for step <paramref name="step"/> (1-based): lr · (1 + cos(π (step − 1) / steps)) / 2.</summary>
    public static double CosineRate(AutoencoderOptions options, int step) =>
        options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * (step - 1) / options.Steps));

    private static void SetLearningRate(OptimizerHelper optimizer, double rate)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
    }

    private static double Step(Sequential model, OptimizerHelper optimizer, Func<Tensor> batch)
    {
        double loss;
        using (NewDisposeScope())
        {
            var x = batch();
            optimizer.zero_grad();
            var mse = nn.functional.mse_loss(model.forward(x), x);
            mse.backward();
            loss = mse.item<float>();
            // Adam's moments were made with the optimizer, outside this scope; its temporaries die here.
            optimizer.step();
        }
        return loss;
    }

    /// <summary>The full set every step, or shuffled mini-batches that start a new permutation each epoch.</summary>
    private sealed class BatchOrder(long count, int? batchSize, int seed)
    {
        private readonly Generator generator = new Generator((ulong)seed);
        private Tensor? order;
        private long position;

        public Func<Tensor> Next(Tensor pixels)
        {
            if (batchSize is not int size) return () => pixels;
            if (order is null || position + size > count)
            {
                order?.Dispose();
                order = randperm(count, generator: generator);
                position = 0;
            }
            long start = position;
            position += size;
            var indices = order;
            return () => pixels.index_select(0, indices.narrow(0, start, size));
        }
    }
}
