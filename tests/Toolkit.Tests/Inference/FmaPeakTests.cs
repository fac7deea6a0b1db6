using Toolkit.Inference.Benchmarks;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class FmaPeakTests
{
    [Fact]
    public void LoopComputesEveryLaneOfEveryChainItCounts()
    {
        const long iterations = 1000;
        float lane = 1f;
        for (long i = 0; i < iterations; i++) lane = MathF.FusedMultiplyAdd(lane, 0.999f, 0.001f);

        float sum = FmaPeak.Run(iterations);

        Assert.Equal(FmaPeak.Chains * FmaPeak.Lanes * lane, sum, 1e-3f);
        Assert.Equal(2L * FmaPeak.Chains * FmaPeak.Lanes, FmaPeak.FlopsPerIteration);
    }

    [Fact]
    public void TwoThreadsMeasureAPositiveRate()
    {
        double one = FmaPeak.MeasureGflops(1, 0.05);
        Assert.True(one > 0, $"{one} GFLOP/s");
        Assert.Equal("measured", CpuPeak.Measured(0.05).Source);
    }
}
