using Toolkit.Datasets;
using Toolkit.Inference.Transfer;
using Xunit;

namespace Toolkit.Tests.Transfer;

public sealed class FeatureCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private static readonly FeatureManifest Manifest = new("fixture.onnx", 64, Dimension: 3, ChunkSize: 4, TrainSubset: null, TrainCount: 10, TestCount: 5);
    private static readonly byte[] TrainLabels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>Feature j of example i is i * 10 + j, so any mix-up of rows or chunks shows.</summary>
    private static float[] Compute(int first, int count) =>
        Enumerable.Range(first, count).SelectMany(i => Enumerable.Range(0, 3).Select(j => i * 10f + j)).ToArray();

    [Fact]
    public void Fill_WritesEveryChunk_AndLoadReadsThemBackInOrder()
    {
        var cache = FeatureCache.Open(_folder.Path, Manifest);
        var result = cache.Fill(FeatureCache.Train, TrainLabels, Compute);

        Assert.Equal(10, result.Computed);
        Assert.Equal(0, result.Reused);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_folder.Path, "train"), "*.feat").Length);
        var (features, labels, dimension) = FeatureCache.Load(_folder.Path, FeatureCache.Train);
        Assert.Equal(3, dimension);
        Assert.Equal(TrainLabels, labels);
        Assert.Equal(Compute(0, 10), features);
    }

    [Fact]
    public void Fill_AfterAnInterruption_ComputesOnlyTheMissingAndBrokenChunks()
    {
        var cache = FeatureCache.Open(_folder.Path, Manifest);
        int calls = 0;
        Assert.Throws<OperationCanceledException>(() => cache.Fill(FeatureCache.Train, TrainLabels, (first, count) =>
            ++calls == 2 ? throw new OperationCanceledException() : Compute(first, count)));
        // A half-written last chunk, as a crash inside a non-atomic writer would leave it.
        File.WriteAllBytes(cache.ChunkPath(FeatureCache.Train, 8), new byte[10]);
        Assert.Equal(6, cache.Missing(FeatureCache.Train));

        var computed = new List<int>();
        var resumed = FeatureCache.Open(_folder.Path, Manifest)
            .Fill(FeatureCache.Train, TrainLabels, (first, count) => { computed.Add(first); return Compute(first, count); });

        Assert.Equal([4, 8], computed);
        Assert.Equal(6, resumed.Computed);
        Assert.Equal(4, resumed.Reused);
        Assert.Equal(Compute(0, 10), FeatureCache.Load(_folder.Path, FeatureCache.Train).Features);
    }

    [Fact]
    public void Load_LeadingOnly_ReturnsTheWholeChunksBeforeTheFirstGap()
    {
        var cache = FeatureCache.Open(_folder.Path, Manifest);
        cache.Fill(FeatureCache.Train, TrainLabels, Compute);
        File.Delete(cache.ChunkPath(FeatureCache.Train, 4));

        Assert.Throws<FileNotFoundException>(() => FeatureCache.Load(_folder.Path, FeatureCache.Train));
        var (features, labels, _) = FeatureCache.Load(_folder.Path, FeatureCache.Train, leadingOnly: true);
        Assert.Equal(TrainLabels[..4], labels);
        Assert.Equal(Compute(0, 4), features);
    }

    [Fact]
    public void Open_RefusesAFolderMadeWithOtherOptions()
    {
        FeatureCache.Open(_folder.Path, Manifest);
        var error = Assert.Throws<InvalidOperationException>(() => FeatureCache.Open(_folder.Path, Manifest with { Resolution = 224 }));
        Assert.Contains("other options", error.Message);
    }

    [Fact]
    public void Chunk_RejectsATruncatedFile_WithItsName()
    {
        string path = _folder.File("chunk.feat");
        new FeatureChunk(0, 2, 3, [1, 2], Compute(0, 2)).Write(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        Assert.False(FeatureChunk.IsComplete(path, 0, 2, 3));
        var error = Assert.Throws<DataFormatException>(() => FeatureChunk.Read(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void StratifiedSubset_TakesTheFirstOfEachClassInEqualShares_KeepingOrder()
    {
        byte[] labels = [0, 0, 1, 0, 2, 1, 2, 2, 1, 0];
        Assert.Equal([0, 1, 2, 4, 5, 6], StratifiedSubset.FirstPerClass(labels, 6, 3));
        Assert.Equal([0, 1, 2, 4], StratifiedSubset.FirstPerClass(labels, 4, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => StratifiedSubset.FirstPerClass(labels, 11, 3));
    }

    public void Dispose() => _folder.Dispose();
}
