using Toolkit.Pipelines.Benchmarks;
using Toolkit.Pipelines.Datasets;
using Toolkit.Pipelines.Transfer;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>The small formats and sums the benchmark, data and transfer workflows rest on.</summary>
public sealed class SmallPipelineTests
{
    [Theory]
    [InlineData("1M", 1_000_000L)]
    [InlineData("500k", 500_000L)]
    [InlineData("2.5M", 2_500_000L)]
    [InlineData("100000", 100_000L)]
    [InlineData("99K", null)]
    [InlineData("201M", null)]
    [InlineData("lots", null)]
    public void RatingCountsTakeKAndMSuffixesWithinTheBenchmarkRange(string text, long? expected) =>
        Assert.Equal(expected, AlsScaling.ParseSize(text));

    [Fact]
    public void ReadTimingReportsTheImagesAndTheBestAndMeanSeconds()
    {
        int reads = 0;

        var time = ReadTiming.Measure("fake", 3, () => ++reads * 10);

        Assert.Equal(3, reads);
        Assert.Equal(("fake", 30), (time.Name, time.Images));
        Assert.True(time.BestSeconds <= time.MeanSeconds);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadTiming.Measure("none", 0, () => 1));
    }

    [Fact]
    public void FeatureThroughputCountsComputedImagesOnly()
    {
        var result = new FeatureExtractionResult([new SplitReport("test", 1000, 400, 600, 2, 200), new SplitReport("train", 500, 500, 0, 3, 166.7)], "CPU", null);

        Assert.Equal((900, 5.0, 180.0), (result.Computed, result.Seconds, result.ImagesPerSecond));
        Assert.Equal(0, new FeatureExtractionResult([new SplitReport("test", 1000, 0, 1000, 0, 0)], "CPU", null).ImagesPerSecond);
    }
}
