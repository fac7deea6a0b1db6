using Toolkit.Training;
using Toolkit.Training.Data;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Training;

/// <summary>Random shifts in <see cref="BatchSampler"/>, and the one-cycle learning-rate schedule.</summary>
public sealed class AugmentationAndScheduleTests
{
    private const int Side = 8;

    [Fact]
    public void EveryShiftedImageIsAWindowOfItsReflectedOriginal()
    {
        const int shift = 2;
        using var data = DistinctImages(count: 24);
        var sampler = new BatchSampler(data, new TrainingOptions { BatchSize = 24, Seed = 3, TranslateAugment = shift });

        using var scope = NewDisposeScope();
        var (images, labels) = Assert.Single(sampler.Epoch(0, CPU));
        var padded = nn.functional.pad(ImageTensors.ToUnitFloat(data.Images), [shift, shift, shift, shift], TorchSharp.PaddingModes.Reflect);
        var offsets = new HashSet<(int Top, int Left)>();
        for (int i = 0; i < 24; i++)
        {
            var source = padded[labels[i].item<long>()];
            var image = images[i];
            var match = Offsets(shift).FirstOrDefault(o => source[.., o.Top..(o.Top + Side), o.Left..(o.Left + Side)].eq(image).all().item<bool>(), (Top: -1, Left: -1));
            Assert.True(match != (-1, -1), $"image {i} is no {Side}x{Side} window of its padded original");
            offsets.Add(match);
        }
        Assert.True(offsets.Count > 3, $"24 images took only {offsets.Count} distinct shifts");
    }

    [Fact]
    public void OneCycleRisesFromATenthToThePeakThenFallsToZero()
    {
        var options = new TrainingOptions { LearningRate = 0.4, Epochs = 10, Schedule = LearningRateSchedule.OneCycle };

        Assert.Equal(0.04, options.LearningRateAt(0), 12);
        Assert.Equal(0.4, options.LearningRateAt(10 * TrainingOptions.WarmupShare), 12);
        Assert.Equal(0.2, options.LearningRateAt(6), 12);
        Assert.Equal(0.0, options.LearningRateAt(10), 12);
        Assert.True(options.LearningRateAt(1.5) > options.LearningRateAt(1.0), "the rate rises within the warm-up");
    }

    [Fact]
    public void CosineChangesOncePerEpoch()
    {
        var options = new TrainingOptions { LearningRate = 0.1, Epochs = 4, Schedule = LearningRateSchedule.Cosine };

        Assert.Equal(options.LearningRateAt(1), options.LearningRateAt(1.9));
        Assert.Equal(0.05, options.LearningRateAt(2), 12);
    }

    /// <summary>Images whose pixels all differ, labelled by their index, so a window can be traced to its source.</summary>
    private static ImageTensors DistinctImages(int count)
    {
        var pixels = Enumerable.Range(0, count * 3 * Side * Side).Select(i => (byte)(i * 7 % 251)).ToArray();
        return new ImageTensors(tensor(pixels, [count, 3, Side, Side]), arange(count, dtype: ScalarType.Int64));
    }

    private static IEnumerable<(int Top, int Left)> Offsets(int shift) =>
        from top in Enumerable.Range(0, 2 * shift + 1) from left in Enumerable.Range(0, 2 * shift + 1) select (top, left);
}
