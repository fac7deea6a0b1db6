using System.Runtime.CompilerServices;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// One row's least-squares problem within an ALS sweep: min_x Σ_e (f_e · x − t_e)² + λ‖x_factors‖² (+ λ_b x_bias²),
/// where entry e pairs the row with row <c>Others[e]</c> of the fixed side, f_e is that row's factors (and a 1 for the
/// bias), and t_e is the rating (less μ and the fixed side's bias, with biases).
/// </summary>
public readonly ref struct RowProblem(
    ReadOnlySpan<int> others, ReadOnlySpan<double> ratings, ReadOnlySpan<double> fixedFactors, ReadOnlySpan<double> fixedBias,
    int rank, double mean, double lambda, double biasLambda)
{
    public ReadOnlySpan<int> Others { get; } = others;
    public ReadOnlySpan<double> Ratings { get; } = ratings;

    /// <summary>The fixed side's factors, row-major with <see cref="Rank"/> columns.</summary>
    public ReadOnlySpan<double> FixedFactors { get; } = fixedFactors;

    /// <summary>The fixed side's biases; empty without biases.</summary>
    public ReadOnlySpan<double> FixedBias { get; } = fixedBias;

    public int Rank { get; } = rank;
    public double Mean { get; } = mean;
    public double Lambda { get; } = lambda;
    public double BiasLambda { get; } = biasLambda;

    public bool HasBias
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => !FixedBias.IsEmpty;
    }

    /// <summary>Unknowns of the row: d factors, and the bias last when there are biases.</summary>
    public int Size => Rank + (HasBias ? 1 : 0);

    public int Count => Others.Length;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<double> Features(int entry) => FixedFactors.Slice(Others[entry] * Rank, Rank);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Target(int entry) => HasBias ? Ratings[entry] - (Mean + FixedBias[Others[entry]]) : Ratings[entry];
}
