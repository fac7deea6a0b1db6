using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Synthetic;

/// <summary>
/// Generates a seeded synthetic rating set with power-law user and movie degrees (see
/// <see cref="PowerLawRatingsOptions"/>), straight into compressed rows so that tens of millions of ratings fit in
/// memory. Ratings 1-5 come from a rank-4 taste model with movie biases and noise, so ALS has structure to find.
/// Every user draws from its own seeded generator: the result depends on the seed only, not on the thread count.
/// </summary>
public static class PowerLawRatings
{
    private const int TasteRank = 4;

    public static RatingMatrix Generate(PowerLawRatingsOptions options)
    {
        Validate(options);
        int[] degrees = UserDegrees(options);
        var start = new int[options.Users + 1];
        for (int u = 0; u < options.Users; u++) start[u + 1] = start[u] + degrees[u];
        double[] cumulative = MoviePopularity(options);
        var (movieTaste, movieBias) = MovieTastes(options);
        var movies = new int[start[^1]];
        var values = new double[start[^1]];
        Parallel.For(0, options.Users, () => new bool[options.Movies], (user, _, seen) =>
        {
            var random = new Random(unchecked(options.Seed * 1_000_003 + user));
            var row = movies.AsSpan(start[user], degrees[user]);
            DrawDistinctMovies(random, cumulative, seen, row);
            row.Sort();
            foreach (int movie in row) seen[movie] = false;
            Span<double> taste = stackalloc double[TasteRank];
            for (int k = 0; k < TasteRank; k++) taste[k] = 0.5 * Gaussian(random);
            for (int e = 0; e < row.Length; e++)
            {
                int movie = row[e];
                double value = 3.5 + movieBias[movie] + 0.8 * Gaussian(random);
                for (int k = 0; k < TasteRank; k++) value += taste[k] * movieTaste[movie * TasteRank + k];
                values[start[user] + e] = Math.Clamp(Math.Round(value), 1, 5);
            }
            return seen;
        }, _ => { });
        return RatingMatrix.FromUserRows(start, movies, values, options.Movies);
    }

    private static void Validate(PowerLawRatingsOptions options)
    {
        if (options.Users < 1 || options.Movies < 2) throw new ArgumentException("a synthetic rating set needs at least one user and two movies");
        long most = (long)options.Users * (options.Movies / 2);
        if (options.Ratings < (long)options.Users * options.MinUserDegree || options.Ratings > Math.Min(most, int.MaxValue))
            throw new ArgumentException(
                $"{options.Ratings} ratings do not fit {options.Users} users with {options.MinUserDegree} to {options.Movies / 2} ratings each");
    }

    /// <summary>
    /// max(floor, A·k^(−α)) for the k-th user (k = 1, 2, ...), capped at half the movies, with A found by bisection so
    /// that the rounded degrees add up to exactly the requested count (the remainder goes to the most active users).
    /// </summary>
    private static int[] UserDegrees(PowerLawRatingsOptions options)
    {
        int users = options.Users, cap = options.Movies / 2, floor = Math.Min(options.MinUserDegree, cap);
        double Degree(double scale, int k) => Math.Clamp(scale * Math.Pow(k + 1, -options.UserExponent), floor, cap);
        long Total(double scale)
        {
            long total = 0;
            for (int k = 0; k < users; k++) total += (long)Degree(scale, k);
            return total;
        }
        double low = 0, high = 1;
        while (Total(high) < options.Ratings) high *= 2;
        for (int i = 0; i < 60; i++)
        {
            double middle = (low + high) / 2;
            if (Total(middle) <= options.Ratings) low = middle; else high = middle;
        }
        var degrees = new int[users];
        for (int k = 0; k < users; k++) degrees[k] = (int)Degree(low, k);
        long missing = options.Ratings - degrees.Sum(d => (long)d);
        for (int k = 0; missing > 0; k = (k + 1) % users)
            if (degrees[k] < cap) { degrees[k]++; missing--; }
        return degrees;
    }

    /// <summary>Cumulative probabilities of the movies, movie m drawn ∝ (m + 1)^(−β).</summary>
    private static double[] MoviePopularity(PowerLawRatingsOptions options)
    {
        var cumulative = new double[options.Movies];
        double sum = 0;
        for (int m = 0; m < options.Movies; m++) cumulative[m] = sum += Math.Pow(m + 1, -options.MovieExponent);
        for (int m = 0; m < options.Movies; m++) cumulative[m] /= sum;
        return cumulative;
    }

    private static (double[] Taste, double[] Bias) MovieTastes(PowerLawRatingsOptions options)
    {
        var random = new Random(options.Seed);
        var taste = new double[options.Movies * TasteRank];
        var bias = new double[options.Movies];
        for (int i = 0; i < taste.Length; i++) taste[i] = 0.5 * Gaussian(random);
        for (int m = 0; m < bias.Length; m++) bias[m] = 0.4 * Gaussian(random);
        return (taste, bias);
    }

    /// <summary>Fills <paramref name="row"/> with distinct movies drawn by popularity (a repeat is drawn again).</summary>
    private static void DrawDistinctMovies(Random random, double[] cumulative, bool[] seen, Span<int> row)
    {
        for (int e = 0; e < row.Length; e++)
        {
            int movie;
            do
            {
                int found = Array.BinarySearch(cumulative, random.NextDouble());
                movie = Math.Min(found < 0 ? ~found : found, cumulative.Length - 1);
            } while (seen[movie]);
            seen[movie] = true;
            row[e] = movie;
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
