namespace Toolkit.Recommender.Synthetic;

/// <summary>
/// The shape of a synthetic rating set: how many ratings, users and movies, and the power laws of the degrees.
/// The k-th most active user rates about A·k^(−<see cref="UserExponent"/>) movies (at least
/// <see cref="MinUserDegree"/>), and the k-th most popular movie is drawn with probability ∝ k^(−<see cref="MovieExponent"/>).
/// The defaults are MovieLens 100K's: its degree-rank curves fall with slopes −0.57 (users, at least 20 ratings each)
/// and −0.78 (movies).
/// </summary>
public sealed record PowerLawRatingsOptions
{
    public required long Ratings { get; init; }
    public required int Users { get; init; }
    public required int Movies { get; init; }
    public double UserExponent { get; init; } = 0.57;
    public double MovieExponent { get; init; } = 0.78;
    public int MinUserDegree { get; init; } = 20;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// MovieLens 100K grown to <paramref name="ratings"/> ratings: its 106 ratings per user, and movies growing with the
    /// square root of the size (1,682 at 100,000 ratings; 37,611 at 50 million).
    /// </summary>
    public static PowerLawRatingsOptions LikeMovieLens(long ratings, int seed = 1) => new()
    {
        Ratings = ratings,
        Users = (int)Math.Max(1, ratings / 106),
        Movies = (int)Math.Round(1682 * Math.Sqrt(ratings / 100_000.0)),
        Seed = seed,
    };
}
