using Toolkit.Training.Mnist;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Mnist;

public sealed class PcaTests
{
    /// <summary>Five points in 3-D with mean zero, spread most along (1, 1, 0) (variance 5), then along z (0.375), uncorrelated.</summary>
    private static Tensor Known() => tensor(new float[,]
    {
        { 2, 2, 0 }, { -2, -2, 0 }, { 1, 1, 0.5f }, { -1, -1, 0.5f }, { 0, 0, -1 },
    });

    [Fact]
    public void AllComponentsReconstructExactly()
    {
        using var data = Known();
        var pca = Pca.Fit(data, 3);
        using var reconstruction = pca.Reconstruct(data);
        Assert.True((reconstruction - data).abs().max().item<float>() < 1e-5f);
    }

    [Fact]
    public void ComponentsAreOrthonormalAndOrderedByVariance()
    {
        using var data = Known();
        var pca = Pca.Fit(data, 3);
        using var c = pca.ComponentsTensor();
        using var gram = c.matmul(c.t());
        using var identity = eye(3);
        Assert.True((gram - identity).abs().max().item<float>() < 1e-5f);
        Assert.True(pca.Variances[0] >= pca.Variances[1] && pca.Variances[1] >= pca.Variances[2]);
    }

    [Fact]
    public void FirstComponentIsTheDirectionOfMostVarianceWithItsLargestEntryPositive()
    {
        using var data = Known();
        var pca = Pca.Fit(data, 1);
        float s = 1 / MathF.Sqrt(2);
        Assert.Equal(s, pca.Components[0, 0], 4);
        Assert.Equal(s, pca.Components[0, 1], 4);
        Assert.Equal(0, pca.Components[0, 2], 4);
        Assert.Equal([0f, 0f, 0f], pca.Mean.Select(m => MathF.Round(m, 5)));
        Assert.Equal(5.0, pca.Variances[0], 4); // (8 + 8 + 2 + 2 + 0) / 4
    }

    [Fact]
    public void OneComponentOfDataOnALineIsExact()
    {
        using var data = tensor(new float[,] { { 1, 2 }, { 2, 4 }, { 3, 6 }, { 4, 8 } });
        var pca = Pca.Fit(data, 1);
        using var reconstruction = pca.Reconstruct(data);
        Assert.True((reconstruction - data).abs().max().item<float>() < 1e-5f);
    }
}
