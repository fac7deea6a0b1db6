using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Baselines;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class AgreementTests
{
    [Fact]
    public void AModelAgreesFullyWithItself()
    {
        var train = SyntheticRatings.Matrix(20, 30, 0.3, seed: 1);
        var test = SyntheticRatings.List(20, 30, 0.1, seed: 2);
        var model = new BiasBaselineTrainer().Fit(train, new FitContext(0));
        var movies = Enumerable.Range(0, 30).Select(m => new Movie(m, $"movie {m}", "", [])).ToList();
        var result = Agreement.Measure("a", model, "b", model, train, test, movies);
        Assert.Equal(1, result.TestPredictionCorrelation, 12);
        Assert.Equal(1, result.MeanTopOverlap, 12);
        Assert.All(result.MostDisagreedMovies, m => Assert.Equal(0, m.MeanAbsoluteDifference));
    }

    [Fact]
    public void TopListsSkipMoviesRatedInTraining()
    {
        var train = SyntheticRatings.Matrix(5, 12, 0.5, seed: 4);
        var model = new MovieMeanTrainer().Fit(train, new FitContext(0));
        for (int u = 0; u < 5; u++)
            Assert.All(Agreement.TopUnseen(model, train, u, 3), t => Assert.False(train.Contains(u, t.Movie)));
    }

    [Fact]
    public void CorrelationOfOppositeSeriesIsMinusOne() =>
        Assert.Equal(-1, Agreement.Correlation([1.0, 2, 3], [3.0, 2, 1]), 12);
}
