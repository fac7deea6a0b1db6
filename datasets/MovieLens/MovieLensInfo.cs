using System.Globalization;
using System.Text;
using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.MovieLens;

/// <summary>The counts <c>u.info</c> promises ("943 users", "1682 items", "100000 ratings").</summary>
public sealed record MovieLensInfo(int Users, int Items, int Ratings)
{
    public const string FileName = "u.info";

    /// <summary>The counts in <c>u.info</c>, or null when the folder has no such file.</summary>
    public static MovieLensInfo? ReadIfPresent(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var counts = new Dictionary<string, int>();
        using var reader = new StreamReader(path, Encoding.Latin1);
        foreach (var (number, line) in TextLines.Read(reader, path))
        {
            string[] parts = line.Split(' ');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                throw DataFormatException.AtLine(path, number, $"expected 'COUNT WHAT', found '{line}'");
            counts[parts[1]] = count;
        }
        return new MovieLensInfo(Count(counts, "users", path), Count(counts, "items", path), Count(counts, "ratings", path));
    }

    private static int Count(Dictionary<string, int> counts, string what, string path) =>
        counts.TryGetValue(what, out int count) ? count
            : throw new DataFormatException(path, "end of file", $"no '{what}' count");
}
