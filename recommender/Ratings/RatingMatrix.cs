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
        _ratings = new Lazy<IReadOnlyList<Rating>>(() => ratings);
    }

    private RatingMatrix(int movieCount, int[] userStart, int[] userMovies, double[] userValues)
    {
        UserCount = userStart.Length - 1;
        MovieCount = movieCount;
        Count = userMovies.Length;
        (UserStart, UserMovies, UserValues) = (userStart, userMovies, userValues);
        (MovieStart, MovieUsers, MovieValues) = Transpose(userStart, userMovies, userValues, movieCount);
        double sum = 0;
        foreach (double value in userValues) sum += value;
        GlobalMean = Count == 0 ? 0 : sum / Count;
        _ratings = new Lazy<IReadOnlyList<Rating>>(ListByUser);
    }

    /// <summary>
    /// A matrix from its rows by user, as <see cref="UserStart"/>, <see cref="UserMovies"/> (ascending within each
    /// user) and <see cref="UserValues"/> describe them; the arrays are kept, not copied. For rating sets too large
    /// for a list of <see cref="Rating"/> records.
    /// </summary>
    public static RatingMatrix FromUserRows(int[] userStart, int[] userMovies, double[] userValues, int movieCount)
    {
        if (userStart.Length < 1 || userStart[0] != 0 || userStart[^1] != userMovies.Length || userValues.Length != userMovies.Length)
            throw new ArgumentException("user rows must start at 0 and end at the number of entries, with one value per entry");
        foreach (int movie in userMovies)
            if ((uint)movie >= (uint)movieCount) throw new ArgumentOutOfRangeException(nameof(userMovies), $"movie {movie} outside 0-{movieCount - 1}");
        return new RatingMatrix(movieCount, userStart, userMovies, userValues);
    }

    private readonly Lazy<IReadOnlyList<Rating>> _ratings;

    public int UserCount { get; }
    public int MovieCount { get; }
    public int Count { get; }
    public double GlobalMean { get; }
    /// <summary>The ratings as records (built on first use for a matrix made by <see cref="FromUserRows"/>).</summary>
    public IReadOnlyList<Rating> Ratings => _ratings.Value;

    /// <summary>Bytes held by the compressed rows of both sides.</summary>
    public long CompressedBytes =>
        (long)sizeof(int) * (UserStart.Length + UserMovies.Length + MovieStart.Length + MovieUsers.Length)
        + (long)sizeof(double) * (UserValues.Length + MovieValues.Length);

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

    /// <summary>The movie-major rows of user-major ones; users come out ascending within each movie.</summary>
    private static (int[] Start, int[] Index, double[] Value) Transpose(int[] userStart, int[] userMovies, double[] userValues, int movieCount)
    {
        var start = new int[movieCount + 1];
        foreach (int movie in userMovies) start[movie + 1]++;
        for (int m = 0; m < movieCount; m++) start[m + 1] += start[m];
        var next = (int[])start.Clone();
        var users = new int[userMovies.Length];
        var values = new double[userMovies.Length];
        for (int user = 0; user < userStart.Length - 1; user++)
            for (int e = userStart[user]; e < userStart[user + 1]; e++)
            {
                int slot = next[userMovies[e]]++;
                users[slot] = user;
                values[slot] = userValues[e];
            }
        return (start, users, values);
    }

    private IReadOnlyList<Rating> ListByUser()
    {
        var ratings = new Rating[Count];
        for (int user = 0; user < UserCount; user++)
            for (int e = UserStart[user]; e < UserStart[user + 1]; e++)
                ratings[e] = new Rating(user, UserMovies[e], (float)UserValues[e], 0);
        return ratings;
    }

    private sealed class ColumnComparer : IComparer<(int Column, double Value)>
    {
        public static readonly ColumnComparer Instance = new();
        public int Compare((int Column, double Value) x, (int Column, double Value) y) => x.Column.CompareTo(y.Column);
    }
}
