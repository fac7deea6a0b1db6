using Toolkit.Datasets.MovieLens;

namespace Toolkit.Recommender.Splits;

/// <summary>A train / test division of ratings, with a name and a one-line account of how it was made.</summary>
public sealed record RatingSplit(string Name, string Description, IReadOnlyList<Rating> Train, IReadOnlyList<Rating> Test);
