using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Baselines;

/// <summary>
/// r̂ = μ + b_user + b_movie, the regularised baseline predictor: alternating closed-form updates
/// b_m = Σ(r − μ − b_u) / (λ_movie + n_m), b_u = Σ(r − μ − b_m) / (λ_user + n_u).
/// </summary>
public sealed class BiasBaselineTrainer(double movieLambda = 25, double userLambda = 10, int sweeps = 10) : IRatingTrainer
{
    public string Name => "bias";
    public TrainerKind Kind => TrainerKind.Baseline;
    public bool UsesRank => false;

    public IRatingModel Fit(RatingMatrix train, FitContext context)
    {
        double mean = train.GlobalMean;
        var userBias = new double[train.UserCount];
        var movieBias = new double[train.MovieCount];
        for (int sweep = 0; sweep < sweeps; sweep++)
        {
            for (int m = 0; m < train.MovieCount; m++)
            {
                double sum = 0;
                for (int e = train.MovieStart[m]; e < train.MovieStart[m + 1]; e++)
                    sum += train.MovieValues[e] - mean - userBias[train.MovieUsers[e]];
                movieBias[m] = sum / (movieLambda + train.MovieRatingCount(m));
            }
            for (int u = 0; u < train.UserCount; u++)
            {
                double sum = 0;
                for (int e = train.UserStart[u]; e < train.UserStart[u + 1]; e++)
                    sum += train.UserValues[e] - mean - movieBias[train.UserMovies[e]];
                userBias[u] = sum / (userLambda + train.UserRatingCount(u));
            }
        }
        return new BiasModel(mean, userBias, movieBias, new Dictionary<string, string>
        {
            ["movieLambda"] = movieLambda.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["userLambda"] = userLambda.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sweeps"] = sweeps.ToString(),
        });
    }
}
