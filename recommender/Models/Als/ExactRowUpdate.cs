using System.Runtime.CompilerServices;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// Solves a row exactly: gathers the fixed side's rows column by column (targets as one more column), builds the
/// normal equations (XᵀX + λI) x = Xᵀt with <see cref="GramKernel"/> and solves them by <see cref="Cholesky"/>.
/// </summary>
public sealed class ExactRowUpdate(int size, int longestRow)
{
    private readonly double[] _matrix = new double[size * size];
    private readonly double[] _columns = new double[(size + 1) * Math.Max(1, longestRow)];
    private readonly double[] _gram = new double[(size + 1) * (size + 1)];

    /// <summary>Overwrites <paramref name="x"/> (d factors, then the bias) with the row's minimiser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Solve(in RowProblem problem, Span<double> x)
    {
        int rank = problem.Rank, size = problem.Size, count = problem.Count;
        // columns[i * count + e] is feature i of entry e; column `size` holds the targets.
        var columns = _columns.AsSpan(0, (size + 1) * count);
        var targets = columns.Slice(size * count, count);
        for (int e = 0; e < count; e++)
        {
            var source = problem.Features(e);
            for (int i = 0; i < rank; i++) columns[i * count + e] = source[i];
            if (problem.HasBias) columns[rank * count + e] = 1;
            targets[e] = problem.Target(e);
        }
        var gram = _gram.AsSpan();
        GramKernel.LowerTriangle(columns, count, size + 1, gram);
        var a = _matrix.AsSpan();
        for (int i = 0; i < size; i++)
        {
            gram.Slice(i * (size + 1), i + 1).CopyTo(a.Slice(i * size, i + 1));
            x[i] = gram[size * (size + 1) + i];
        }
        for (int i = 0; i < rank; i++) a[i * size + i] += problem.Lambda;
        if (problem.HasBias) a[rank * size + rank] += problem.BiasLambda;
        if (!Cholesky.Solve(a, x, size))
            throw new InvalidOperationException("ALS normal equations of a row are not positive definite");
    }
}
