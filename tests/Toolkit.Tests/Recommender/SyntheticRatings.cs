using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Tests.Recommender;

/// <summary>Small seeded rating sets for tests that must not need the real data.</summary>
public static class SyntheticRatings
{
    /// <summary>About <paramref name="density"/> of a users × movies grid, ratings 1-5 from a seeded generator.</summary>
    public static RatingMatrix Matrix(int users, int movies, double density, int seed) =>
        new(List(users, movies, density, seed), users, movies);

    public static IReadOnlyList<Rating> List(int users, int movies, double density, int seed)
    {
        var random = new Random(seed);
        var ratings = new List<Rating>();
        for (int u = 0; u < users; u++)
            for (int m = 0; m < movies; m++)
                if (random.NextDouble() < density)
                    ratings.Add(new Rating(u, m, 1 + random.Next(5), 0));
        return ratings;
    }
}
