using Toolkit.Datasets.MovieLens;
using Toolkit.Pipelines.MovieLens;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Splits;
using Toolkit.Tests.Recommender;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>movielens recommend's workflow on synthetic ratings: the user's unseen movies, best predicted first.</summary>
public sealed class RecommendationsTests
{
    private static readonly RatingSplit Split = Splitter.Permuted("synthetic",
        SyntheticRatings.List(MovieLensReader.MaxUsers, MovieLensReader.MaxMovies, 0.01, seed: 3), 1, 0.2);

    private static readonly IReadOnlyList<Movie> Movies =
        Enumerable.Range(0, MovieLensReader.MaxMovies).Select(m => new Movie(m, $"movie {m}", "", [])).ToList();

    [Fact]
    public void ListsUnseenMoviesBestFirst()
    {
        var list = Recommendations.Run("movie-mean", 5, 1, new AlsOptions(), Split, Movies, user: 1, top: 8, new Progress<string>());

        Assert.Equal(("movie-mean", (int?)null, 8), (list.Model, list.Rank, list.Recommendations.Count));
        Assert.Equal(Enumerable.Range(1, 8), list.Recommendations.Select(r => r.Position));
        Assert.Equal(list.Recommendations.OrderByDescending(r => r.PredictedRating).Select(r => r.MovieId), list.Recommendations.Select(r => r.MovieId));
        var seen = Split.Train.Where(r => r.User == 0).Select(r => r.Movie + 1).ToHashSet();
        Assert.Equal(seen.Count, list.RatedInTraining);
        Assert.DoesNotContain(list.Recommendations, r => seen.Contains(r.MovieId));
        Assert.All(list.Recommendations, r => Assert.Equal($"movie {r.MovieId - 1}", r.Title));
    }

    [Fact]
    public void RankedModelsRecordTheRankAndUnknownNamesAreRefused()
    {
        var als = Recommendations.Run("als", 2, 1, new AlsOptions { MaxIterations = 2 }, Split, Movies, user: 3, top: 2, new Progress<string>());
        Assert.Equal(2, als.Rank);

        var error = Assert.Throws<ArgumentException>(() => Recommendations.Run("alz", 2, 1, new AlsOptions(), Split, Movies, 1, 2, new Progress<string>()));
        Assert.Contains("unknown model 'alz'; known: global-mean", error.Message);
    }
}
