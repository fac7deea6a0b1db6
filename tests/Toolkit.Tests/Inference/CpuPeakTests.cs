using Toolkit.Inference.Benchmarks;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class CpuPeakTests
{
    private static string CpuInfo(int processors, string megahertz, string flags) => string.Concat(Enumerable.Range(0, processors).Select(i =>
        $"processor\t: {i}\nmodel name\t: Test CPU\ncpu MHz\t\t: {megahertz}\nflags\t\t: fpu sse sse2 {flags}\n\n"));

    [Fact]
    public void AvxFiveTwelveCoresAtTwoAndAHalfGigahertzPeakAtThreeHundredTwentyGflops()
    {
        var peak = CpuPeak.Parse(CpuInfo(2, "2500.000", "avx avx2 fma avx512f avx512dq"))!;
        Assert.Equal(2, peak.Cores);
        Assert.Equal(16, peak.Fp32Lanes);
        Assert.Equal(320, peak.Gflops, 6);
    }

    [Fact]
    public void AvxTwoWithFmaHasEightLanesAndCpufreqMaximumWins()
    {
        var peak = CpuPeak.Parse(CpuInfo(4, "1200.000", "avx avx2 fma"), maxMegahertz: 3000)!;
        Assert.Equal(8, peak.Fp32Lanes);
        Assert.Equal(4 * 3.0 * 8 * 2 * 2, peak.Gflops, 6);
    }

    [Fact]
    public void WithoutAFrequencyThereIsNoPeak() =>
        Assert.Null(CpuPeak.Parse("processor\t: 0\nflags\t\t: avx2 fma\n"));
}
