using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Training.Transfer;

/// <summary>Hyperparameters of a linear head on fixed features.</summary>
public sealed record HeadOptions(int Epochs = 30, double LearningRate = 1e-3, int BatchSize = 512, double ValidationFraction = 0.1, int Seed = 1);

/// <summary>Features and labels held in memory, features row by row.</summary>
public sealed record FeatureSet(float[] Features, byte[] Labels, int Dimension)
{
    public int Count => Labels.Length;

    public FeatureSet Rows(IReadOnlyList<int> rows)
    {
        var features = new float[(long)rows.Count * Dimension];
        var labels = new byte[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            Array.Copy(Features, (long)rows[i] * Dimension, features, (long)i * Dimension, Dimension);
            labels[i] = Labels[rows[i]];
        }
        return new FeatureSet(features, labels, Dimension);
    }
}

/// <summary>The trained head's weights ([classes, features], row-major) and bias, with its training history.</summary>
public sealed record TrainedHead(float[] Weight, float[] Bias, int Classes, int Features, IReadOnlyList<EpochMetrics> Epochs,
    double TrainAccuracy, double ValidationAccuracy, double TestAccuracy, int FittedRows);

/// <summary>
/// Trains Linear(features, classes) on cached features with Adam and cross-entropy. A seeded fraction of the
/// training features is held out for validation; the last epoch's head is kept (the test set chooses nothing).
/// </summary>
public static class LinearHeadTrainer
{
    /// <param name="pairedTrain">
    /// Optional extra training rows where row i is another view (e.g. a JPEG copy) of training row i; a row joins the
    /// fitted data only when its original does, so validation never sees an image whose copy was trained on.
    /// </param>
    public static TrainedHead Train(FeatureSet train, FeatureSet test, int classes, HeadOptions options, Device device,
        Action<EpochMetrics>? epochDone = null, FeatureSet? pairedTrain = null)
    {
        if (train.Dimension != test.Dimension) throw new ArgumentException($"train features are {train.Dimension}-d, test features {test.Dimension}-d");
        random.manual_seed(options.Seed);
        var (fit, validation) = Split(train, options.ValidationFraction, options.Seed, pairedTrain);

        using var head = nn.Linear(train.Dimension, classes);
        head.to(device);
        using var optimizer = optim.Adam(head.parameters(), options.LearningRate);
        using var fitX = tensor(fit.Features, [fit.Count, fit.Dimension]).to(device);
        using var fitY = tensor(fit.Labels.Select(l => (long)l).ToArray()).to(device);
        var generator = new Random(options.Seed);
        var history = new List<EpochMetrics>();

        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            head.train();
            int[] order = Enumerable.Range(0, fit.Count).ToArray();
            generator.Shuffle(order);
            double lossSum = 0;
            long correct = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var rows = tensor(order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray()).to(device);
                var x = fitX.index_select(0, rows);
                var y = fitY.index_select(0, rows);
                optimizer.zero_grad();
                var logits = head.forward(x);
                var loss = nn.functional.cross_entropy(logits, y);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * y.shape[0];
                correct += logits.argmax(1).eq(y).sum().item<long>();
            }
            var (validationLoss, validationAccuracy) = Evaluate(head, validation, device);
            var metrics = new EpochMetrics(epoch + 1, options.LearningRate, lossSum / fit.Count, (double)correct / fit.Count,
                validationLoss, validationAccuracy, clock.Elapsed.TotalSeconds);
            history.Add(metrics);
            epochDone?.Invoke(metrics);
        }

        var (_, trainAccuracy) = Evaluate(head, fit, device);
        var (_, finalValidation) = Evaluate(head, validation, device);
        var (_, testAccuracy) = Evaluate(head, test, device);
        using var weight = head.weight!.detach().cpu();
        using var bias = head.bias!.detach().cpu();
        return new TrainedHead(weight.data<float>().ToArray(), bias.data<float>().ToArray(), classes, train.Dimension, history,
            trainAccuracy, finalValidation, testAccuracy, fit.Count);
    }

    /// <summary>Accuracy of a trained head on the first <paramref name="count"/> rows of a feature set, in plain arithmetic.</summary>
    public static double AccuracyOnFirst(TrainedHead head, FeatureSet set, int count)
    {
        int correct = 0;
        for (int row = 0; row < count; row++)
        {
            var features = set.Features.AsSpan(row * set.Dimension, set.Dimension);
            int best = 0;
            double bestLogit = double.NegativeInfinity;
            for (int c = 0; c < head.Classes; c++)
            {
                double logit = head.Bias[c];
                var weights = head.Weight.AsSpan(c * head.Features, head.Features);
                for (int f = 0; f < head.Features; f++) logit += weights[f] * features[f];
                if (logit > bestLogit) (best, bestLogit) = (c, logit);
            }
            if (best == set.Labels[row]) correct++;
        }
        return (double)correct / count;
    }

    /// <summary>Mean cross-entropy and accuracy; (NaN, NaN) for an empty set.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> head, FeatureSet set, Device device)
    {
        if (set.Count == 0) return (double.NaN, double.NaN);
        head.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = tensor(set.Features, [set.Count, set.Dimension]).to(device);
        var y = tensor(set.Labels.Select(l => (long)l).ToArray()).to(device);
        var logits = head.forward(x);
        double loss = nn.functional.cross_entropy(logits, y).item<float>();
        double accuracy = logits.argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
        return (loss, accuracy);
    }

    /// <summary>A seeded random split into (fit, validation).</summary>
    public static (FeatureSet Fit, FeatureSet Validation) Split(FeatureSet train, double validationFraction, int seed, FeatureSet? paired = null)
    {
        if (validationFraction is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in [0, 1)");
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        new Random(seed).Shuffle(order);
        int held = (int)Math.Round(train.Count * validationFraction);
        var fit = train.Rows(order[held..]);
        if (paired is not null)
        {
            if (paired.Count > train.Count || paired.Dimension != train.Dimension || !paired.Labels.AsSpan().SequenceEqual(train.Labels.AsSpan(0, paired.Count)))
                throw new ArgumentException("the paired training rows do not line up with the training rows (other subset or labels)");
            var extra = paired.Rows(order[held..].Where(i => i < paired.Count).ToArray());
            fit = new FeatureSet([.. fit.Features, .. extra.Features], [.. fit.Labels, .. extra.Labels], train.Dimension);
        }
        return (fit, train.Rows(order[..held]));
    }
}
