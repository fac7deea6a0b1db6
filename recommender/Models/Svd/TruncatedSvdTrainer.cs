using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Svd;

/// <summary>R̂ = U_d S_d V_dᵀ, the best rank-d approximation of the zero-filled training matrix.</summary>
public sealed class TruncatedSvdTrainer : IRatingTrainer
{
    public string Name => "svd";
    public TrainerKind Kind => TrainerKind.HandWritten;
    public bool UsesRank => true;

    public IRatingModel Fit(RatingMatrix train, FitContext context)
    {
        var (users, movies) = ZeroFilledSvd.Of(train, context.Rank).Factors(context.Rank, leftPower: 1);
        return new FactorModel(context.Rank, users, movies,
            details: new Dictionary<string, string> { ["matrix"] = "zero-filled users × movies" });
    }
}
