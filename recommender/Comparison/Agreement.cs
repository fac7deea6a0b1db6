using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Comparison;

/// <summary>Measures how far two fitted models agree on a split.</summary>
public static class Agreement
{
    public static AgreementResult Measure(
        string firstName, IRatingModel first, string secondName, IRatingModel second,
        RatingMatrix train, IReadOnlyList<Rating> test, IReadOnlyList<Movie> movies, int topN = 10, int disagreements = 10,
        int minTrainRatings = 1)
    {
        var a = test.Select(r => first.Predict(r.User, r.Movie)).ToArray();
        var b = test.Select(r => second.Predict(r.User, r.Movie)).ToArray();
        return new AgreementResult(firstName, secondName, Correlation(a, b), topN,
            MeanTopOverlap(first, second, train, topN), minTrainRatings,
            MostDisagreed(first, second, train, movies, disagreements, minTrainRatings));
    }

    /// <summary>Pearson correlation of two equally long series (NaN when either is constant or empty).</summary>
    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        if (n == 0 || n != b.Count) return double.NaN;
        double meanA = a.Average(), meanB = b.Average();
        double covariance = 0, varianceA = 0, varianceB = 0;
        for (int i = 0; i < n; i++)
        {
            double da = a[i] - meanA, db = b[i] - meanB;
            covariance += da * db;
            varianceA += da * da;
            varianceB += db * db;
        }
        return covariance / Math.Sqrt(varianceA * varianceB);
    }

    /// <summary>Mean over users of |top-N(first) ∩ top-N(second)| / N, each list over the movies the user did not rate in training.</summary>
    public static double MeanTopOverlap(IRatingModel first, IRatingModel second, RatingMatrix train, int topN)
    {
        double total = 0;
        for (int u = 0; u < train.UserCount; u++)
        {
            var top = TopUnseen(first, train, u, topN).Select(t => t.Movie).ToHashSet();
            int shared = TopUnseen(second, train, u, topN).Count(t => top.Contains(t.Movie));
            total += (double)shared / topN;
        }
        return total / train.UserCount;
    }

    /// <summary>The user's <paramref name="count"/> highest-predicted movies not rated in training (ties: lower id first).</summary>
    public static IReadOnlyList<(int Movie, double Predicted)> TopUnseen(IRatingModel model, RatingMatrix train, int user, int count)
    {
        var candidates = new List<(int Movie, double Predicted)>(train.MovieCount);
        for (int m = 0; m < train.MovieCount; m++)
            if (!train.Contains(user, m)) candidates.Add((m, model.Predict(user, m)));
        return candidates
            .OrderByDescending(c => c.Predicted).ThenBy(c => c.Movie)
            .Take(count).ToList();
    }

    private static IReadOnlyList<MovieDisagreement> MostDisagreed(
        IRatingModel first, IRatingModel second, RatingMatrix train, IReadOnlyList<Movie> movies, int count, int minTrainRatings)
    {
        var rows = new List<MovieDisagreement>(train.MovieCount);
        for (int m = 0; m < train.MovieCount; m++)
        {
            if (train.MovieRatingCount(m) < minTrainRatings) continue;
            double sum = 0, absolute = 0;
            int users = 0;
            for (int u = 0; u < train.UserCount; u++)
            {
                if (train.Contains(u, m)) continue;
                double difference = first.Predict(u, m) - second.Predict(u, m);
                sum += difference;
                absolute += Math.Abs(difference);
                users++;
            }
            if (users == 0) continue;
            string title = m < movies.Count ? movies[m].Title : $"movie {m + 1}";
            rows.Add(new MovieDisagreement(m + 1, title, train.MovieRatingCount(m), sum / users, absolute / users));
        }
        return rows.OrderByDescending(r => r.MeanAbsoluteDifference).Take(count).ToList();
    }
}
