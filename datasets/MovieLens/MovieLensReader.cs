using System.Globalization;
using System.Text;
using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.MovieLens;

/// <summary>
/// Reads MovieLens 100K: <c>u.data</c> (and the fold files, same layout: user, movie, rating, timestamp,
/// tab-separated, ids from 1) and <c>u.item</c> (pipe-separated, Latin-1, 19 genre flags).
/// </summary>
public static class MovieLensReader
{
    public const int MaxUsers = 943;
    public const int MaxMovies = 1682;

    public static readonly IReadOnlyList<string> GenreNames =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    /// <summary>Reads <c>u.data</c> and <c>u.item</c> from the data set folder.</summary>
    public static MovieLensData Read(string folder) =>
        new(ReadAllRatings(folder), ReadAllMovies(folder), MaxUsers, MaxMovies);

    /// <summary>Every rating, from <c>u.data</c>, with its count checked against <c>u.info</c> when present.</summary>
    public static IReadOnlyList<Rating> ReadAllRatings(string folder)
    {
        string path = Path.Combine(folder, "u.data");
        var ratings = ReadRatings(path);
        if (MovieLensInfo.ReadIfPresent(folder) is { } info) CheckCount(path, ratings.Count, info.Ratings, "ratings");
        return ratings;
    }

    /// <summary>Every movie, from <c>u.item</c>, with its count checked against <c>u.info</c> when present.</summary>
    public static IReadOnlyList<Movie> ReadAllMovies(string folder)
    {
        string path = Path.Combine(folder, "u.item");
        var movies = ReadMovies(path);
        if (MovieLensInfo.ReadIfPresent(folder) is { } info) CheckCount(path, movies.Count, info.Items, "movies");
        return movies;
    }

    private static void CheckCount(string path, int found, int promised, string what)
    {
        if (found != promised)
            throw new DataFormatException(path, "end of file", $"{found} {what} but {MovieLensInfo.FileName} promises {promised} (truncated?)");
    }

    /// <summary>Reads the train (<c>NAME.base</c>) and test (<c>NAME.test</c>) files of a fold such as u1 or ua.</summary>
    public static (IReadOnlyList<Rating> Train, IReadOnlyList<Rating> Test) ReadFold(string folder, string fold)
    {
        if (!MovieLensData.Folds.Contains(fold))
            throw new ArgumentException($"unknown fold '{fold}'; expected one of {string.Join(", ", MovieLensData.Folds)}");
        var (train, test) = (ReadRatings(Path.Combine(folder, fold + ".base")), ReadRatings(Path.Combine(folder, fold + ".test")));
        // Every shipped fold splits all ratings between its two files, so a cut or padded fold file shows here.
        if (MovieLensInfo.ReadIfPresent(folder) is { } info && train.Count + test.Count != info.Ratings)
            throw new DataFormatException(Path.Combine(folder, fold + ".base") + ", " + fold + ".test", "end of file",
                $"the fold holds {train.Count + test.Count} ratings but {MovieLensInfo.FileName} promises {info.Ratings} (truncated?)");
        return (train, test);
    }

    public static IReadOnlyList<Rating> ReadRatings(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var reader = new StreamReader(path, Encoding.Latin1);
        return ParseRatings(reader, path);
    }

    public static IReadOnlyList<Rating> ParseRatings(TextReader reader, string name)
    {
        var ratings = new List<Rating>(100_000);
        var firstLineOfPair = new Dictionary<(int User, int Movie), int>(100_000);
        foreach (var (number, line) in TextLines.Read(reader, name, blankLinesAllowed: false))
        {
            var rating = ParseRating(line, name, number);
            if (!firstLineOfPair.TryAdd((rating.User, rating.Movie), number))
                throw DataFormatException.AtLine(name, number,
                    $"user {rating.User + 1} rated movie {rating.Movie + 1} already on line {firstLineOfPair[(rating.User, rating.Movie)]} (duplicate pair)");
            ratings.Add(rating);
        }
        if (ratings.Count == 0) throw DataFormatException.AtLine(name, 1, "no ratings in file");
        return ratings;
    }

    private static Rating ParseRating(string line, string name, int lineNumber)
    {
        string[] fields = line.Split('\t');
        if (fields.Length != 4)
            throw DataFormatException.AtLine(name, lineNumber,
                $"expected 4 tab-separated fields (user, movie, rating, timestamp), found {fields.Length}");
        int user = ParseInt(fields[0], "user id", 1, MaxUsers, name, lineNumber);
        int movie = ParseInt(fields[1], "movie id", 1, MaxMovies, name, lineNumber);
        int value = ParseInt(fields[2], "rating", 1, 5, name, lineNumber);
        if (!long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp))
            throw DataFormatException.AtLine(name, lineNumber, $"timestamp '{fields[3]}' is not a whole number");
        return new Rating(user - 1, movie - 1, value, timestamp);
    }

    private static int ParseInt(string text, string what, int min, int max, string name, int lineNumber)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            throw DataFormatException.AtLine(name, lineNumber, $"{what} '{text}' is not a whole number");
        if (value < min || value > max)
            throw DataFormatException.AtLine(name, lineNumber, $"{what} {value} out of range {min}-{max}");
        return value;
    }

    public static IReadOnlyList<Movie> ReadMovies(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        var movies = new List<Movie>(MaxMovies);
        using var reader = new StreamReader(path, Encoding.Latin1);
        foreach (var (lineNumber, line) in TextLines.Read(reader, path))
        {
            string[] fields = line.Split('|');
            if (fields.Length != 5 + GenreNames.Count)
                throw DataFormatException.AtLine(path, lineNumber,
                    $"expected {5 + GenreNames.Count} '|'-separated fields, found {fields.Length}");
            int id = ParseInt(fields[0], "movie id", 1, MaxMovies, path, lineNumber);
            if (id != movies.Count + 1)
                throw DataFormatException.AtLine(path, lineNumber, $"movie id {id} out of order; expected {movies.Count + 1}");
            var genres = new List<string>();
            for (int g = 0; g < GenreNames.Count; g++)
            {
                string flag = fields[5 + g];
                if (flag == "1") genres.Add(GenreNames[g]);
                else if (flag != "0")
                    throw DataFormatException.AtLine(path, lineNumber, $"genre flag '{flag}' for {GenreNames[g]} is not 0 or 1");
            }
            movies.Add(new Movie(id - 1, fields[1], fields[2], genres));
        }
        return movies;
    }
}
