using Toolkit.Recommender.Splits;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class NumPyLegacyRandomTests
{
    [Fact]
    public void PermutationReproducesNumPySeedOneTestVector()
    {
        // np.random.seed(1); np.random.permutation(100000)[:10]
        int[] expected = [43660, 87278, 14317, 81932, 95321, 5405, 33188, 63421, 72897, 9507];
        Assert.Equal(expected, new NumPyLegacyRandom(1).Permutation(100_000).Take(10).ToArray());
    }

    [Fact]
    public void FirstOutputsAreThoseOfMt19937SeededByInitGenrand()
    {
        // The reference MT19937 (init_genrand(5489)) starts 3499211612, 581869302, 3890346734.
        var random = new NumPyLegacyRandom(5489);
        uint[] first = [random.NextUInt32(), random.NextUInt32(), random.NextUInt32()];
        Assert.Equal(new uint[] { 3499211612, 581869302, 3890346734 }, first);
    }

    [Fact]
    public void PermutationIsAPermutation()
    {
        var permutation = new NumPyLegacyRandom(42).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), permutation.Order());
    }

    [Fact]
    public void IntervalStaysWithinItsBound()
    {
        var random = new NumPyLegacyRandom(3);
        for (uint max = 0; max < 300; max++) Assert.InRange(random.NextInterval(max), 0u, max);
    }
}
