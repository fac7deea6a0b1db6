using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;

namespace Toolkit.Pipelines.MovieLens;

public sealed record Recommendation(int Position, int MovieId, string Title, double PredictedRating);

/// <summary>A user's top unseen movies from one model; <see cref="Rank"/> is null for models without one.</summary>
public sealed record RecommendationList(int User, string Model, int? Rank, string Split, int RatedInTraining,
    IReadOnlyDictionary<string, string> Details, IReadOnlyList<Recommendation> Recommendations);

/// <summary>
/// recommend, top to bottom: find the model by name (hand-written or library), fit it on the split's training
/// ratings, then list the movies the user has not rated there, best predicted first, with their titles.
/// </summary>
public static class Recommendations
{
    /// <param name="user">The user id as in u.data (from 1).</param>
    public static RecommendationList Run(string modelName, int rank, uint seed, AlsOptions als, RatingSplit split, IReadOnlyList<Movie> movies,
        int user, int top, IProgress<string> progress)
    {
        var trainers = ComparisonRunner.HandWrittenTrainers(als).Concat(LibraryTrainers.All()).ToList();
        var trainer = trainers.FirstOrDefault(t => t.Name == modelName)
            ?? throw new ArgumentException($"unknown model '{modelName}'; known: {string.Join(", ", trainers.Select(t => t.Name))}");

        var train = new RatingMatrix(split.Train);
        progress.Report($"fitting {trainer.Name} on {split.Train.Count:N0} ratings ({split.Name})");
        var model = trainer.Fit(train, new FitContext(rank, seed, progress));
        var list = Agreement.TopUnseen(model, train, user - 1, top)
            .Select((t, i) => new Recommendation(i + 1, t.Movie + 1, movies[t.Movie].Title, t.Predicted))
            .ToList();
        return new RecommendationList(user, trainer.Name, trainer.UsesRank ? rank : null, split.Name, train.UserRatingCount(user - 1), model.Details, list);
    }
}
