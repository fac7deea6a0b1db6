namespace Toolkit.Training;

/// <summary>One epoch's measurements; Epoch counts from 1.</summary>
public sealed record EpochMetrics(
    int Epoch, double LearningRate, double TrainLoss, double TrainAccuracy,
    double ValidationLoss, double ValidationAccuracy, double Seconds);
