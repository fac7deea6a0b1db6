using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Mnist;

/// <summary>
/// Principal components of a data matrix: its mean and the top-k unit eigenvectors of its covariance, as rows
/// (float32, [k, D]), largest variance first. Each component's sign makes its largest-magnitude entry positive.
/// </summary>
public sealed class Pca(float[] mean, float[,] components, double[] variances)
{
    public float[] Mean { get; } = mean;
    public float[,] Components { get; } = components;
    /// <summary>The variance along each component (the covariance's eigenvalues), largest first.</summary>
    public double[] Variances { get; } = variances;
    public int Count => Components.GetLength(0);
    public int Dimensions => Mean.Length;

    /// <summary>Fits the top <paramref name="k"/> components of the rows of <paramref name="data"/> ([N, D]), in float64.</summary>
    public static Pca Fit(Tensor data, int k) => FitMany(data, [k])[0];

    /// <summary>One eigendecomposition of the covariance, cut at each k.</summary>
    public static IReadOnlyList<Pca> FitMany(Tensor data, IReadOnlyList<int> ks)
    {
        long d = data.shape[1];
        if (ks.Any(k => k < 1 || k > d)) throw new ArgumentOutOfRangeException(nameof(ks), $"components must be in 1..{d}");
        using var scope = NewDisposeScope();
        var x = data.to_type(ScalarType.Float64);
        var mean = x.mean([0L]);
        var centred = x - mean;
        var covariance = centred.t().matmul(centred) / (x.shape[0] - 1);
        var (values, vectors) = linalg.eigh(covariance);
        var order = values.argsort(descending: true);
        var sortedValues = values.index_select(0, order);
        var sortedVectors = vectors.index_select(1, order).t();
        var signed = sortedVectors * SignOfLargest(sortedVectors).unsqueeze(1);
        float[] meanValues = mean.to_type(ScalarType.Float32).data<float>().ToArray();
        return ks.Select(k => new Pca(meanValues, Rows(signed.narrow(0, 0, k)), sortedValues.narrow(0, 0, k).data<double>().ToArray()))
            .ToArray();
    }

    /// <summary>
    /// The PCA as a network the general exporter walks: Linear(D, k) with weight C and bias −C·mean (centring and
    /// projection), then Linear(k, D) with weight Cᵀ and bias mean (reconstruction).
    /// </summary>
    public Sequential ToSequential()
    {
        var encoder = nn.Linear(Dimensions, Count);
        var decoder = nn.Linear(Count, Dimensions);
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var c = ComponentsTensor();
            var m = tensor(Mean);
            encoder.weight!.copy_(c);
            encoder.bias!.copy_(-c.matmul(m));
            decoder.weight!.copy_(c.t());
            decoder.bias!.copy_(m);
        }
        return nn.Sequential(("project", encoder), ("reconstruct", decoder));
    }

    /// <summary>The reconstruction of the rows of <paramref name="data"/>: (x − mean)·Cᵀ·C + mean.</summary>
    public Tensor Reconstruct(Tensor data)
    {
        using var scope = NewDisposeScope();
        var c = ComponentsTensor();
        var m = tensor(Mean);
        return ((data - m).matmul(c.t()).matmul(c) + m).MoveToOuterDisposeScope();
    }

    public Tensor ComponentsTensor() => tensor(Components);

    private static Tensor SignOfLargest(Tensor rows)
    {
        var largest = rows.abs().argmax(1, keepdim: true);
        var sign = rows.gather(1, largest).squeeze(1).sign();
        return where(sign == 0, ones_like(sign), sign);
    }

    private static float[,] Rows(Tensor rows)
    {
        int k = (int)rows.shape[0], d = (int)rows.shape[1];
        var values = rows.to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var result = new float[k, d];
        Buffer.BlockCopy(values, 0, result, 0, values.Length * sizeof(float));
        return result;
    }
}
