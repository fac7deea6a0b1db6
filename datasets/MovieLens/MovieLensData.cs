namespace Toolkit.Datasets.MovieLens;

/// <summary>One rating, with user and movie ids shifted to start at 0.</summary>
public readonly record struct Rating(int User, int Movie, float Value, long Timestamp);

/// <summary>One movie of <c>u.item</c>: zero-based id, title, release date and genre names.</summary>
public sealed record Movie(int Id, string Title, string ReleaseDate, IReadOnlyList<string> Genres);

/// <summary>The MovieLens 100K data set: all ratings and the movie catalogue.</summary>
public sealed record MovieLensData(IReadOnlyList<Rating> Ratings, IReadOnlyList<Movie> Movies, int UserCount, int MovieCount)
{
    public const string FolderName = "ml-100k";

    /// <summary>The folds the data set ships: u1..u5 (5-fold cross-validation) and ua, ub (10 ratings per user in test).</summary>
    public static readonly IReadOnlyList<string> Folds = ["u1", "u2", "u3", "u4", "u5", "ua", "ub"];
}
