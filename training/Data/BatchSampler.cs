using static TorchSharp.torch;

namespace Toolkit.Training.Data;

/// <summary>
/// Shuffled mini-batches over a preloaded split: one seeded permutation per epoch, index_select per
/// batch, uint8 to float [0, 1] per batch, optional random horizontal flips.
/// </summary>
public sealed class BatchSampler(ImageTensors data, int batchSize, long seed, bool flip)
{
    public int BatchesPerEpoch => (data.Count + batchSize - 1) / batchSize;

    /// <summary>
    /// The batches of one epoch; each batch's tensors belong to the caller's dispose scope. The epoch's
    /// generator is seeded from the run seed and the epoch number, so a resumed run sees the same batches.
    /// </summary>
    public IEnumerable<(Tensor Images, Tensor Labels)> Epoch(int epoch, Device device)
    {
        var generator = new Generator((ulong)(seed * 1_000 + epoch));
        // Created inside the first batch's dispose scope but needed by every batch of the epoch.
        using var order = randperm(data.Count, generator: generator).DetachFromDisposeScope();
        for (int start = 0; start < data.Count; start += batchSize)
        {
            int length = Math.Min(batchSize, data.Count - start);
            using var indices = order.slice(0, start, start + length, 1);
            var images = ImageTensors.ToUnitFloat(data.Images.index_select(0, indices));
            if (flip) images = FlipHalf(images, generator);
            yield return (images.to(device), data.Labels.index_select(0, indices).to(device));
        }
    }

    private static Tensor FlipHalf(Tensor images, Generator generator)
    {
        var mask = rand([images.shape[0], 1, 1, 1], generator: generator) < 0.5;
        return where(mask, images.flip(3), images);
    }
}
