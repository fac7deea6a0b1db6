namespace Toolkit.Recommender.Splits;

/// <summary>
/// Which split to make: <c>reference</c> (NumPy seed 1 permutation, first 80% train), one of the data set's
/// folds (<c>u1</c>..<c>u5</c>, <c>ua</c>, <c>ub</c>), <c>random</c> (NumPy-style permutation with
/// <see cref="Seed"/> and <see cref="TestFraction"/>), or <c>all</c> (every rating in train, no test).
/// </summary>
public sealed record SplitSpec(string Name, uint Seed = 1, double TestFraction = 0.2)
{
    public const string Reference = "reference";
    public const string Random = "random";
    public const string All = "all";

    public static SplitSpec ReferenceSplit => new(Reference);
}
