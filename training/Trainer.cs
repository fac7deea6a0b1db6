using System.Diagnostics;
using Toolkit.Training.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training;

/// <summary>
/// Mini-batch training of a classifier with cross-entropy, validation after every epoch and an atomic
/// checkpoint after every epoch, from which <see cref="Train"/> continues when the file exists.
/// </summary>
public sealed class Trainer(nn.Module<Tensor, Tensor> model, TrainingOptions options, Device device)
{
    public OptimizerHelper Optimizer { get; } = CreateOptimizer(model, options);

    public static OptimizerHelper CreateOptimizer(nn.Module model, TrainingOptions options) => options.Optimizer switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(model.parameters(), options.LearningRate, options.Momentum, weight_decay: options.WeightDecay, nesterov: options.Nesterov),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "unknown optimizer"),
    };

    public IReadOnlyList<EpochMetrics> Train(ImageTensors train, ImageTensors validation, string checkpointPath, ITrainingProgress progress)
    {
        var history = File.Exists(checkpointPath)
            ? new List<EpochMetrics>(Checkpoint.Load(checkpointPath, model, Optimizer))
            : [];
        var sampler = new BatchSampler(train, options);
        progress.Started(history.Count, options.Epochs, sampler.BatchesPerEpoch);

        for (int epoch = history.Count; epoch < options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double learningRate = options.LearningRateAt(epoch);
            var trained = TrainEpoch(sampler, epoch, progress);
            var validated = Evaluation.Evaluate(model, validation, device);
            var metrics = new EpochMetrics(epoch + 1, learningRate, trained.Loss, trained.Accuracy,
                validated.Loss, validated.Accuracy, clock.Elapsed.TotalSeconds);
            history.Add(metrics);
            Checkpoint.Save(checkpointPath, model, Optimizer, history);
            progress.EpochDone(metrics);
        }
        return history;
    }

    private LossAndAccuracy TrainEpoch(BatchSampler sampler, int epoch, ITrainingProgress progress)
    {
        model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        int batch = 0;
        using var batches = sampler.Epoch(epoch, device).GetEnumerator();
        while (true)
        {
            // The scope opens before MoveNext so it also owns the batch tensors the sampler creates.
            using var scope = NewDisposeScope();
            if (!batches.MoveNext()) break;
            var (images, labels) = batches.Current;
            SetLearningRate(options.LearningRateAt(epoch + (double)batch / sampler.BatchesPerEpoch));
            var (batchLoss, batchCorrect) = Step(images, labels);
            lossSum += batchLoss * labels.shape[0];
            correct += batchCorrect;
            seen += labels.shape[0];
            progress.BatchDone(epoch + 1, ++batch, batchLoss);
        }
        return new LossAndAccuracy(lossSum / seen, (double)correct / seen);
    }

    /// <summary>One optimizer step on a batch; returns the batch's mean loss and correct count.</summary>
    public (double Loss, long Correct) Step(Tensor images, Tensor labels)
    {
        Optimizer.zero_grad();
        var logits = model.forward(images);
        var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: options.LabelSmoothing);
        loss.backward();
        Optimizer.step();
        return (loss.item<float>(), logits.argmax(1).eq(labels).sum().item<long>());
    }

    private void SetLearningRate(double learningRate)
    {
        foreach (var group in Optimizer.ParamGroups) group.LearningRate = learningRate;
    }
}
