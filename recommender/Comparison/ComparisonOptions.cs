using Toolkit.Recommender.Models.Als;

namespace Toolkit.Recommender.Comparison;

/// <summary>What <see cref="ComparisonRunner"/> fits and measures.</summary>
public sealed record ComparisonOptions
{
    public IReadOnlyList<int> Ranks { get; init; } = [1, 2, 5, 10, 20, 50];

    /// <summary>The hand-written ALS of the comparison (the reference recipe by default: λ = 10, no biases, SVD start).</summary>
    public AlsOptions Als { get; init; } = new();

    public uint Seed { get; init; } = 1;

    /// <summary>The rank at which ALS and the ranked library models are compared prediction by prediction.</summary>
    public int AgreementRank { get; init; } = 5;

    public int TopN { get; init; } = 10;

    /// <summary>Movies with fewer training ratings are left out of the "disagree most" lists (0 keeps all).</summary>
    public int DisagreementMinTrainRatings { get; init; } = 1;

    /// <summary>With a conjugate-gradient <see cref="Als"/>, also fit the exact (Cholesky) ALS at every rank, as <c>als-exact</c>.</summary>
    public bool CompareExactSolver { get; init; } = true;

    /// <summary>Also search d, λ and bias λ of ALS with biases on a validation part of the training data and refit.</summary>
    public bool Tune { get; init; } = true;

    public IReadOnlyList<double> TuneLambdas { get; init; } = [7.5, 10, 12.5, 15];

    public IReadOnlyList<double> TuneBiasLambdas { get; init; } = [1, 10];

    public IReadOnlyList<int> TuneRanks { get; init; } = [2, 5, 10, 20];

    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Library backends to run by name; null means all that are found.</summary>
    public IReadOnlyList<string>? Libraries { get; init; }
}
