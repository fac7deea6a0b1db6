using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Training.Data;

/// <summary>
/// Shuffled mini-batches over a preloaded split: one seeded permutation per epoch, index_select per batch, uint8 to
/// float [0, 1] per batch, and the augmentation the options ask for: random shifts and random horizontal flips.
/// </summary>
public sealed class BatchSampler(ImageTensors data, TrainingOptions options)
{
    public int BatchesPerEpoch => (data.Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>
    /// The batches of one epoch; each batch's tensors belong to the caller's dispose scope. The epoch's
    /// generator is seeded from the run seed and the epoch number, so a resumed run sees the same batches.
    /// </summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Epoch(int epoch, Device device)
    {
        var generator = new Generator((ulong)(options.Seed * 1_000 + epoch));
        // Created inside the first batch's dispose scope but needed by every batch of the epoch.
        using var order = randperm(data.Count, generator: generator).DetachFromDisposeScope();
        for (int start = 0; start < data.Count; start += options.BatchSize)
        {
            int length = Math.Min(options.BatchSize, data.Count - start);
            using var indices = order.slice(0, start, start + length, 1);
            var images = ImageTensors.ToUnitFloat(data.Images.index_select(0, indices));
            if (options.TranslateAugment > 0) images = Translate(images, options.TranslateAugment, generator);
            if (options.FlipAugment) images = FlipHalf(images, generator);
            yield return (images.to(device), data.Labels.index_select(0, indices).to(device));
        }
    }

    private static Tensor FlipHalf(Tensor images, Generator generator)
    {
        var mask = rand([images.shape[0], 1, 1, 1], generator: generator) < 0.5;
        return where(mask, images.flip(3), images);
    }

    /// <summary>Each image shifted by its own random offset of up to <paramref name="pixels"/> rows and columns, borders reflected.</summary>
    private static Tensor Translate(Tensor images, int pixels, Generator generator)
    {
        long count = images.shape[0], channels = images.shape[1], height = images.shape[2], width = images.shape[3];
        var padded = nn.functional.pad(images, [pixels, pixels, pixels, pixels], PaddingModes.Reflect);
        var top = randint(0, 2 * pixels + 1, [count, 1], generator: generator);
        var left = randint(0, 2 * pixels + 1, [count, 1], generator: generator);
        var rows = (top + arange(height)).view(count, 1, height, 1).expand(count, channels, height, width + 2 * pixels);
        var columns = (left + arange(width)).view(count, 1, 1, width).expand(count, channels, height, width);
        return padded.gather(2, rows).gather(3, columns);
    }
}
