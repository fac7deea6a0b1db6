using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Baselines;

/// <summary>Predicts the mean of all training ratings for everyone.</summary>
public sealed class GlobalMeanTrainer : IRatingTrainer
{
    public string Name => "global-mean";
    public TrainerKind Kind => TrainerKind.Baseline;
    public bool UsesRank => false;

    public IRatingModel Fit(RatingMatrix train, FitContext context) => new BiasModel(train.GlobalMean, null, null);
}
