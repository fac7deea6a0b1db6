using System.Text;

namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>A tiny MovieLens 100K folder: 3 users, 4 movies, 6 ratings, u.info, and every fold splitting the ratings.</summary>
public static class MovieLensFixture
{
    public const string Ratings = "1\t1\t5\t874965758\n1\t2\t3\t876893171\n2\t3\t4\t878542960\n2\t4\t1\t876893119\n3\t1\t2\t889751712\n3\t4\t5\t875071561\n";

    public static string Movie(int id, string title, params int[] genres)
    {
        var flags = Enumerable.Range(0, 19).Select(g => genres.Contains(g) ? "1" : "0");
        return $"{id}|{title}|01-Jan-1995||http://example.org/{id}|{string.Join("|", flags)}\n";
    }

    public static readonly string Items =
        Movie(1, "Toy Story (1995)", 3, 4, 5) + Movie(2, "GoldenEye (1995)", 1, 2, 16) +
        Movie(3, "Caf\u00e9 (1996)", 8) + Movie(4, "Heat (1995)", 6, 16);

    public static string Write(TempFolder temp, string? ratings = null, string? items = null, string? info = null)
    {
        temp.Write("ml-100k/u.data", Encoding.Latin1.GetBytes(ratings ?? Ratings));
        temp.Write("ml-100k/u.item", Encoding.Latin1.GetBytes(items ?? Items));
        temp.Write("ml-100k/u.info", Encoding.ASCII.GetBytes(info ?? "3 users\n4 items\n6 ratings\n"));
        string[] lines = Ratings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string fold in new[] { "u1", "u2", "u3", "u4", "u5", "ua", "ub" })
        {
            temp.Write($"ml-100k/{fold}.base", Encoding.ASCII.GetBytes(string.Concat(lines[..4].Select(l => l + "\n"))));
            temp.Write($"ml-100k/{fold}.test", Encoding.ASCII.GetBytes(string.Concat(lines[4..].Select(l => l + "\n"))));
        }
        return Path.Combine(temp.Path, "ml-100k");
    }
}
