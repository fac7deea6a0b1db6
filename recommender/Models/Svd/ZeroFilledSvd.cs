using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Svd;

/// <summary>
/// The leading part of the SVD R ≈ U S Vᵀ of the users × movies training matrix with unobserved entries set
/// to 0. The Gram matrix of the shorter side (R Rᵀ for 943 users) is built from the sparse entries, its largest
/// eigenpairs come from <see cref="LanczosEigen"/>, and the other side follows as Rᵀ u / σ. Computed once per
/// <see cref="RatingMatrix"/> and rank, then truncated to any smaller rank.
/// </summary>
public sealed class ZeroFilledSvd
{
    private static readonly ConditionalWeakTable<RatingMatrix, ZeroFilledSvd> Cache = new();
    private static readonly Lock CacheLock = new();

    private ZeroFilledSvd(int rows, int columns, int count, double[] left, double[] singular, double[] right)
    {
        Rows = rows;
        Columns = columns;
        SingularCount = count;
        Left = left;
        Singular = singular;
        Right = right;
    }

    public int Rows { get; }
    public int Columns { get; }
    public int SingularCount { get; }

    /// <summary>U, Rows × SingularCount, row-major.</summary>
    public double[] Left { get; }

    /// <summary>Singular values, largest first.</summary>
    public double[] Singular { get; }

    /// <summary>V (not Vᵀ), Columns × SingularCount, row-major.</summary>
    public double[] Right { get; }

    /// <summary>The leading <paramref name="rank"/> (at least) singular triplets, from the cache when it holds enough.</summary>
    public static ZeroFilledSvd Of(RatingMatrix matrix, int rank)
    {
        lock (CacheLock)
        {
            if (Cache.TryGetValue(matrix, out var cached) && cached.SingularCount >= rank) return cached;
            var computed = Compute(matrix, rank);
            Cache.AddOrUpdate(matrix, computed);
            return computed;
        }
    }

    private static ZeroFilledSvd Compute(RatingMatrix matrix, int rank)
    {
        bool usersShorter = matrix.UserCount <= matrix.MovieCount;
        // Short side: the side whose Gram matrix is built; long side: the side whose entries pair up short-side indices.
        int shortCount = usersShorter ? matrix.UserCount : matrix.MovieCount;
        int longCount = usersShorter ? matrix.MovieCount : matrix.UserCount;
        if (rank < 1 || rank > shortCount)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank must lie in 1-{shortCount}, not {rank}");
        var (longStart, longIndex, longValues) = usersShorter
            ? (matrix.MovieStart, matrix.MovieUsers, matrix.MovieValues)
            : (matrix.UserStart, matrix.UserMovies, matrix.UserValues);

        var gram = new double[shortCount * shortCount];
        for (int l = 0; l < longCount; l++)
            for (int e = longStart[l]; e < longStart[l + 1]; e++)
            {
                int row = longIndex[e] * shortCount;
                double value = longValues[e];
                for (int f = longStart[l]; f < longStart[l + 1]; f++) gram[row + longIndex[f]] += value * longValues[f];
            }
        var (eigenvalues, shortVectors) = LanczosEigen.Largest(gram, shortCount, rank);

        var singular = eigenvalues.Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray();
        var longVectors = new double[longCount * rank];
        for (int l = 0; l < longCount; l++)
            for (int e = longStart[l]; e < longStart[l + 1]; e++)
            {
                var source = shortVectors.AsSpan(longIndex[e] * rank, rank);
                var target = longVectors.AsSpan(l * rank, rank);
                TensorPrimitives.MultiplyAdd(source, longValues[e], target, target);
            }
        double floor = 1e-12 * Math.Max(singular[0], double.Epsilon);
        for (int k = 0; k < rank; k++)
        {
            double inverse = singular[k] > floor ? 1 / singular[k] : 0;
            for (int l = 0; l < longCount; l++) longVectors[l * rank + k] *= inverse;
        }
        return usersShorter
            ? new ZeroFilledSvd(matrix.UserCount, matrix.MovieCount, rank, shortVectors, singular, longVectors)
            : new ZeroFilledSvd(matrix.UserCount, matrix.MovieCount, rank, longVectors, singular, shortVectors);
    }

    /// <summary>
    /// The first <paramref name="rank"/> columns of U and V, each column scaled by S^<paramref name="leftPower"/>
    /// and S^(1 − <paramref name="leftPower"/>) respectively, so that their product is the rank-d truncation.
    /// </summary>
    public (double[] Users, double[] Movies) Factors(int rank, double leftPower)
    {
        if (rank < 1 || rank > SingularCount)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank must lie in 1-{SingularCount}, not {rank}");
        return (Truncate(Left, Rows, rank, leftPower), Truncate(Right, Columns, rank, 1 - leftPower));
    }

    private double[] Truncate(double[] source, int rows, int rank, double power)
    {
        var result = new double[rows * rank];
        for (int k = 0; k < rank; k++)
        {
            double scale = Math.Pow(Singular[k], power);
            for (int r = 0; r < rows; r++) result[r * rank + k] = source[r * SingularCount + k] * scale;
        }
        return result;
    }
}
