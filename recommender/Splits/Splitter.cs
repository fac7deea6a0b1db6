using Toolkit.Datasets.MovieLens;

namespace Toolkit.Recommender.Splits;

/// <summary>Makes the splits of <see cref="SplitSpec"/> from the MovieLens 100K folder.</summary>
public static class Splitter
{
    public const uint ReferenceSeed = 1;
    public const double ReferenceTestFraction = 0.2;

    public static RatingSplit Create(SplitSpec spec, string folder)
    {
        if (MovieLensData.Folds.Contains(spec.Name))
        {
            var (train, test) = MovieLensReader.ReadFold(folder, spec.Name);
            return new RatingSplit(spec.Name, $"the data set's own fold {spec.Name}.base / {spec.Name}.test", train, test);
        }
        var ratings = MovieLensReader.ReadAllRatings(folder);
        return spec.Name switch
        {
            SplitSpec.Reference => Permuted(SplitSpec.Reference, ratings, ReferenceSeed, ReferenceTestFraction),
            SplitSpec.Random => Permuted(SplitSpec.Random, ratings, spec.Seed, spec.TestFraction),
            SplitSpec.All => new RatingSplit(SplitSpec.All, "every rating of u.data in train, no test", ratings, []),
            _ => throw new ArgumentException(
                $"unknown split '{spec.Name}'; expected {SplitSpec.Reference}, {SplitSpec.Random}, {SplitSpec.All} or one of {string.Join(", ", MovieLensData.Folds)}"),
        };
    }

    /// <summary>
    /// Rows of <paramref name="ratings"/> in the order of NumPy's <c>seed(seed); permutation(n)</c>; the first
    /// round(n (1 - testFraction)) go to train, the rest to test.
    /// </summary>
    public static RatingSplit Permuted(string name, IReadOnlyList<Rating> ratings, uint seed, double testFraction)
    {
        var (train, test) = PermutedParts(ratings, seed, testFraction);
        string description = $"NumPy legacy seed({seed}) permutation({ratings.Count}), first {train.Count} rows train, {test.Count} test";
        return new RatingSplit(name, description, train, test);
    }

    public static (IReadOnlyList<Rating> First, IReadOnlyList<Rating> Remainder) PermutedParts(
        IReadOnlyList<Rating> ratings, uint seed, double remainderFraction)
    {
        if (remainderFraction is <= 0 or >= 1)
            throw new ArgumentException($"the test fraction must lie strictly between 0 and 1, not {remainderFraction}");
        int[] order = new NumPyLegacyRandom(seed).Permutation(ratings.Count);
        int firstCount = (int)Math.Round(ratings.Count * (1 - remainderFraction), MidpointRounding.AwayFromZero);
        var first = new Rating[firstCount];
        var remainder = new Rating[ratings.Count - firstCount];
        for (int i = 0; i < order.Length; i++)
        {
            if (i < firstCount) first[i] = ratings[order[i]];
            else remainder[i - firstCount] = ratings[order[i]];
        }
        return (first, remainder);
    }
}
