using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Baselines;

/// <summary>What the per-movie mean predicts for a movie with no training rating.</summary>
public enum UnseenMovieRating
{
    /// <summary>0, what the column mean of the zero-filled matrix gives; the reference recipe (test MSE 1.0636 on the reference split).</summary>
    Zero,

    /// <summary>The global mean of the training ratings.</summary>
    GlobalMean,
}

/// <summary>Predicts each movie's mean training rating; a movie with no training rating gets <see cref="UnseenMovieRating"/>.</summary>
public sealed class MovieMeanTrainer(UnseenMovieRating unseen = UnseenMovieRating.Zero) : IRatingTrainer
{
    public string Name => unseen == UnseenMovieRating.Zero ? "movie-mean" : "movie-mean-global";
    public TrainerKind Kind => TrainerKind.Baseline;
    public bool UsesRank => false;

    public IRatingModel Fit(RatingMatrix train, FitContext context)
    {
        double fallback = unseen == UnseenMovieRating.Zero ? 0 : train.GlobalMean;
        var means = new double[train.MovieCount];
        int unseenCount = 0;
        for (int m = 0; m < train.MovieCount; m++)
        {
            int count = train.MovieRatingCount(m);
            if (count == 0)
            {
                unseenCount++;
                means[m] = fallback;
                continue;
            }
            double sum = 0;
            for (int e = train.MovieStart[m]; e < train.MovieStart[m + 1]; e++) sum += train.MovieValues[e];
            means[m] = sum / count;
        }
        return new BiasModel(0, null, means, new Dictionary<string, string>
        {
            ["moviesWithoutTrainingRatings"] = unseenCount.ToString(),
            ["predictionForThem"] = unseen == UnseenMovieRating.Zero ? "0 (reference recipe)" : "global mean",
        });
    }
}
