using Toolkit.Datasets.MovieLens;

namespace Toolkit.Recommender.Ratings;

/// <summary>
/// The observed entries of a users × movies rating matrix, stored twice in compressed rows: by user
/// (movies each user rated) and by movie (users who rated each movie). Read-only once built.
/// </summary>
public sealed class RatingMatrix
{
    public RatingMatrix(IReadOnlyList<Rating> ratings, int userCount = MovieLensReader.MaxUsers, int movieCount = MovieLensReader.MaxMovies)
    {
        UserCount = userCount;
        MovieCount = movieCount;
        Count = ratings.Count;
        (UserStart, UserMovies, UserValues) = Compress(ratings, userCount, r => r.User, r => r.Movie);
        (MovieStart, MovieUsers, MovieValues) = Compress(ratings, movieCount, r => r.Movie, r => r.User);
        double sum = 0;
        foreach (var rating in ratings) sum += rating.Value;
        GlobalMean = Count == 0 ? 0 : sum / Count;
        Ratings = ratings;
    }

    public int UserCount { get; }
    public int MovieCount { get; }
    public int Count { get; }
    public double GlobalMean { get; }
    public IReadOnlyList<Rating> Ratings { get; }

    /// <summary>User u's entries are at [UserStart[u], UserStart[u + 1]) of <see cref="UserMovies"/> and <see cref="UserValues"/>.</summary>
    public int[] UserStart { get; }
    public int[] UserMovies { get; }
    public double[] UserValues { get; }

    /// <summary>Movie m's entries are at [MovieStart[m], MovieStart[m + 1]) of <see cref="MovieUsers"/> and <see cref="MovieValues"/>.</summary>
    public int[] MovieStart { get; }
    public int[] MovieUsers { get; }
    public double[] MovieValues { get; }

    public int UserRatingCount(int user) => UserStart[user + 1] - UserStart[user];
    public int MovieRatingCount(int movie) => MovieStart[movie + 1] - MovieStart[movie];

    /// <summary>Whether <paramref name="user"/> rated <paramref name="movie"/> (binary search in the user's row).</summary>
    public bool Contains(int user, int movie) =>
        Array.BinarySearch(UserMovies, UserStart[user], UserStart[user + 1] - UserStart[user], movie) >= 0;

    private static (int[] Start, int[] Index, double[] Value) Compress(
        IReadOnlyList<Rating> ratings, int rows, Func<Rating, int> row, Func<Rating, int> column)
    {
        var start = new int[rows + 1];
        foreach (var rating in ratings)
        {
            int r = row(rating);
            if ((uint)r >= (uint)rows) throw new ArgumentOutOfRangeException(nameof(ratings), $"index {r} outside 0-{rows - 1}");
            start[r + 1]++;
        }
        for (int r = 0; r < rows; r++) start[r + 1] += start[r];
        var order = new (int Column, double Value)[ratings.Count];
        var next = (int[])start.Clone();
        foreach (var rating in ratings) order[next[row(rating)]++] = (column(rating), rating.Value);
        for (int r = 0; r < rows; r++)
            Array.Sort(order, start[r], start[r + 1] - start[r], ColumnComparer.Instance);
        return (start, order.Select(o => o.Column).ToArray(), order.Select(o => o.Value).ToArray());
    }

    private sealed class ColumnComparer : IComparer<(int Column, double Value)>
    {
        public static readonly ColumnComparer Instance = new();
        public int Compare((int Column, double Value) x, (int Column, double Value) y) => x.Column.CompareTo(y.Column);
    }
}
