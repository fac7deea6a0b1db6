using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Als;

/// <summary>The hand-written ALS as a comparison entry; the rank comes from the fit context.</summary>
public sealed class AlsTrainer(AlsOptions options, string name = "als") : IRatingTrainer
{
    public AlsOptions Options => options;
    public string Name => name;
    public TrainerKind Kind => TrainerKind.HandWritten;
    public bool UsesRank => true;

    public IRatingModel Fit(RatingMatrix train, FitContext context) =>
        AlsSolver.Fit(train, context.Rank, options, context.Seed, context.Progress).Model;
}
