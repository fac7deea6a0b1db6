using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// Improves a row by a few conjugate-gradient steps on its normal equations (XᵀX + Λ) x = Xᵀt, started from the
/// row's current value. XᵀX is never formed: each product (XᵀX + Λ) p reads every entry's fixed-side row once, for
/// its dot product with p and for adding it back scaled, so a step costs O(n d) where the exact solve costs O(n d²).
/// Every step lowers the row's objective, so the ALS objective still never increases; from the previous sweep's
/// value a few steps come close to the row's minimum.
/// </summary>
public sealed class ConjugateGradientRowUpdate(int size, int steps)
{
    private readonly double[] _residual = new double[size];
    private readonly double[] _direction = new double[size];
    private readonly double[] _product = new double[size];

    /// <summary>Moves <paramref name="x"/> (d factors, then the bias) towards the row's minimiser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Improve(in RowProblem problem, Span<double> x)
    {
        int size = problem.Size;
        var residual = _residual.AsSpan(0, size);
        var direction = _direction.AsSpan(0, size);
        var product = _product.AsSpan(0, size);

        // residual = Xᵀ(t − X x) − Λ x, the negative half-gradient of the row objective.
        Regularise(problem, x, residual, sign: -1);
        Accumulate(problem, x, residual, subtractFromTargets: true);
        double residualNorm = SelfDot(residual);
        if (residualNorm == 0) return;
        residual.CopyTo(direction);

        for (int step = 0; step < steps; step++)
        {
            // product = (XᵀX + Λ) direction
            Regularise(problem, direction, product, sign: 1);
            Accumulate(problem, direction, product, subtractFromTargets: false);
            double curvature = RowKernels.Dot(ref MemoryMarshal.GetReference(direction), ref MemoryMarshal.GetReference(product), size);
            if (!(curvature > 0)) return;
            double alpha = residualNorm / curvature;
            TensorPrimitives.MultiplyAdd(direction, alpha, x, x);
            if (step == steps - 1) return;
            TensorPrimitives.MultiplyAdd(product, -alpha, residual, residual);
            double nextNorm = SelfDot(residual);
            if (nextNorm == 0) return;
            TensorPrimitives.MultiplyAdd(direction, nextNorm / residualNorm, residual, direction);
            residualNorm = nextNorm;
        }
    }

    private static double SelfDot(Span<double> v) => RowKernels.Dot(ref MemoryMarshal.GetReference(v), ref MemoryMarshal.GetReference(v), v.Length);

    /// <summary>output = sign · Λ v: λ on the factors, λ_b on the bias.</summary>
    private static void Regularise(in RowProblem problem, ReadOnlySpan<double> v, Span<double> output, double sign)
    {
        TensorPrimitives.Multiply(v[..problem.Rank], sign * problem.Lambda, output[..problem.Rank]);
        if (problem.HasBias) output[problem.Rank] = sign * problem.BiasLambda * v[problem.Rank];
    }

    /// <summary>
    /// output += Σ_e s_e f_e with s_e = f_e · v, or s_e = t_e − f_e · v when <paramref name="subtractFromTargets"/>;
    /// f_e is entry e's fixed-side factors (and a 1 for the bias). One pass over the entries: each fixed-side row is
    /// read for the dot product and reused from the first-level cache for the update.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(in RowProblem problem, ReadOnlySpan<double> v, Span<double> output, bool subtractFromTargets)
    {
        int rank = problem.Rank;
        double vBias = problem.HasBias ? v[rank] : 0, biasSum = 0;
        ref double factors = ref MemoryMarshal.GetReference(problem.FixedFactors);
        ref double vector = ref MemoryMarshal.GetReference(v);
        ref double result = ref MemoryMarshal.GetReference(output);
        var others = problem.Others;
        int e = 0;
        // Two entries at a time: their dot products share the loads of v, their updates one pass over the output.
        for (; e + 1 < others.Length; e += 2)
        {
            ref double first = ref Unsafe.Add(ref factors, others[e] * rank);
            ref double second = ref Unsafe.Add(ref factors, others[e + 1] * rank);
            var (dot0, dot1) = RowKernels.Dot2(ref first, ref second, ref vector, rank);
            double scale0 = subtractFromTargets ? problem.Target(e) - (dot0 + vBias) : dot0 + vBias;
            double scale1 = subtractFromTargets ? problem.Target(e + 1) - (dot1 + vBias) : dot1 + vBias;
            RowKernels.AddScaled2(ref result, ref first, scale0, ref second, scale1, rank);
            biasSum += scale0 + scale1;
        }
        for (; e < others.Length; e++)
        {
            ref double row = ref Unsafe.Add(ref factors, others[e] * rank);
            double dot = RowKernels.Dot(ref row, ref vector, rank) + vBias;
            double scale = subtractFromTargets ? problem.Target(e) - dot : dot;
            RowKernels.AddScaled(ref result, ref row, scale, rank);
            biasSum += scale;
        }
        if (problem.HasBias) output[rank] += biasSum;
    }
}
