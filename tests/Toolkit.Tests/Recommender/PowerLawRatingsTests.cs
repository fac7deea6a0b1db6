using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Synthetic;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class PowerLawRatingsTests
{
    private static readonly PowerLawRatingsOptions Shape = PowerLawRatingsOptions.LikeMovieLens(200_000, seed: 5);

    [Fact]
    public void HasTheRequestedSizeWithDistinctSortedMoviesAndRatingsOneToFive()
    {
        var matrix = PowerLawRatings.Generate(Shape);
        Assert.Equal(200_000, matrix.Count);
        Assert.Equal(Shape.Users, matrix.UserCount);
        Assert.Equal(Shape.Movies, matrix.MovieCount);
        for (int u = 0; u < matrix.UserCount; u++)
        {
            Assert.InRange(matrix.UserRatingCount(u), Shape.MinUserDegree, Shape.Movies / 2);
            for (int e = matrix.UserStart[u] + 1; e < matrix.UserStart[u + 1]; e++)
                Assert.True(matrix.UserMovies[e - 1] < matrix.UserMovies[e], $"user {u}: movies not strictly ascending at entry {e}");
        }
        Assert.All(matrix.UserValues, v => Assert.Contains(v, new[] { 1.0, 2, 3, 4, 5 }));
        Assert.Equal(matrix.UserValues.Sum(), matrix.MovieValues.Sum(), 6);
    }

    [Fact]
    public void DegreeRankCurvesFallWithTheRequestedSlopes()
    {
        var matrix = PowerLawRatings.Generate(Shape);
        var users = Enumerable.Range(0, matrix.UserCount).Select(matrix.UserRatingCount);
        var movies = Enumerable.Range(0, matrix.MovieCount).Select(matrix.MovieRatingCount);
        Assert.InRange(RankSlope(users), -Shape.UserExponent - 0.1, -Shape.UserExponent + 0.1);
        Assert.InRange(RankSlope(movies), -Shape.MovieExponent - 0.15, -Shape.MovieExponent + 0.15);
    }

    [Fact]
    public void SameSeedGivesTheSameRatingsAndAnotherSeedOthers()
    {
        var first = PowerLawRatings.Generate(Shape);
        var again = PowerLawRatings.Generate(Shape);
        var other = PowerLawRatings.Generate(Shape with { Seed = 6 });
        Assert.Equal(first.UserStart, again.UserStart);
        Assert.Equal(first.UserMovies, again.UserMovies);
        Assert.Equal(first.UserValues, again.UserValues);
        Assert.NotEqual(first.UserMovies, other.UserMovies);
    }

    [Fact]
    public void MovieSideHoldsTheSameRatingsAsTheUserSide()
    {
        var matrix = PowerLawRatings.Generate(Shape with { Ratings = 30_000, Users = 300, Movies = 400 });
        var byUser = matrix.Ratings.Select(r => (r.User, r.Movie, (double)r.Value)).Order().ToList();
        var byMovie = Enumerable.Range(0, matrix.MovieCount)
            .SelectMany(m => Enumerable.Range(matrix.MovieStart[m], matrix.MovieRatingCount(m)).Select(e => (matrix.MovieUsers[e], m, matrix.MovieValues[e])))
            .Order().ToList();
        Assert.Equal(byUser, byMovie);
    }

    /// <summary>Least-squares slope of log degree against log rank, over ranks from the top 1% to the median.</summary>
    private static double RankSlope(IEnumerable<int> degrees)
    {
        var sorted = degrees.OrderDescending().ToArray();
        var points = Enumerable.Range(sorted.Length / 100, sorted.Length / 2 - sorted.Length / 100)
            .Select(i => (X: Math.Log(i + 1), Y: Math.Log(sorted[i]))).ToList();
        double meanX = points.Average(p => p.X), meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }
}
