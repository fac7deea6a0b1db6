using Toolkit.Inference.Images;
using Toolkit.Training.Transfer;
using Xunit;

namespace Toolkit.Tests.Transfer;

public sealed class HeadTrainingTests
{
    /// <summary>Row i has every feature equal to i, so rows can be traced through the split.</summary>
    private static FeatureSet Rows(int count, float offset = 0) => new(
        Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat(i + offset, 2)).ToArray(),
        Enumerable.Range(0, count).Select(i => (byte)(i % 3)).ToArray(), 2);

    [Fact]
    public void Split_PairedCopiesJoinTheFitOnlyWithTheirOriginals()
    {
        var train = Rows(20);
        var copies = Rows(12, offset: 0.5f);

        var (fit, validation) = LinearHeadTrainer.Split(train, 0.25, seed: 3, copies);

        var validationRows = Enumerable.Range(0, validation.Count).Select(i => (int)validation.Features[i * 2]).ToHashSet();
        var fitRows = Enumerable.Range(0, fit.Count).Select(i => fit.Features[i * 2]).ToList();
        Assert.Equal(5, validationRows.Count);
        Assert.All(fitRows.Where(v => v % 1 != 0), copy => Assert.DoesNotContain((int)copy, validationRows));
        Assert.Equal(15 + Enumerable.Range(0, 12).Count(i => !validationRows.Contains(i)), fit.Count);
    }

    [Fact]
    public void Split_RefusesCopiesWhoseLabelsDoNotLineUp()
    {
        var copies = new FeatureSet(new float[4], [2, 2], 2);
        Assert.Throws<ArgumentException>(() => LinearHeadTrainer.Split(Rows(10), 0.1, 1, copies));
    }

    [Fact]
    public void LinearHead_LearnsSeparableFeatures_AndPlainArithmeticAgreesWithTorch()
    {
        var random = new Random(5);
        FeatureSet Make(int count)
        {
            var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 3)).ToArray();
            var features = labels.SelectMany(l => Enumerable.Range(0, 4).Select(f => (f == l ? 3f : 0f) + (float)random.NextDouble())).ToArray();
            return new FeatureSet(features, labels, 4);
        }

        var head = LinearHeadTrainer.Train(Make(300), Make(60), 3, new HeadOptions(Epochs: 40, LearningRate: 0.05, BatchSize: 32), TorchSharp.torch.CPU);

        Assert.True(head.TestAccuracy > 0.95, $"test accuracy {head.TestAccuracy}");
        Assert.Equal(40, head.Epochs.Count);
        Assert.Equal(270, head.FittedRows);
        var test = Make(60);
        Assert.True(LinearHeadTrainer.AccuracyOnFirst(head, test, 60) > 0.95);
    }

    [Fact]
    public void JpegRoundTrip_ChangesPixelsSlightly_AtQuality75()
    {
        var random = new Random(7);
        // A smooth gradient with a little noise: JPEG keeps it close but not exact.
        var image = Enumerable.Range(0, 3 * 32 * 32).Select(i => (byte)Math.Clamp(i % 1024 / 8 + random.Next(0, 20), 0, 255)).ToArray();

        var degraded = JpegRoundTrip.Apply(image, 32, 32, 75);

        double meanAbsoluteError = image.Zip(degraded, (a, b) => Math.Abs(a - b)).Average();
        Assert.Equal(image.Length, degraded.Length);
        Assert.InRange(meanAbsoluteError, 0.5, 20);
    }
}
