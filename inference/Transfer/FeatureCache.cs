using System.Diagnostics;
using System.Text.Json;
using Toolkit.Datasets;

namespace Toolkit.Inference.Transfer;

/// <summary>What a feature folder holds; a resumed run must ask for the same thing.</summary>
/// <remarks><see cref="TrainJpegQuality"/>: the training images went through a JPEG encode and decode at that quality first (augmentation).</remarks>
public sealed record FeatureManifest(string Backbone, int Resolution, int Dimension, int ChunkSize, int? TrainSubset, int TrainCount, int TestCount,
    int? TrainJpegQuality = null)
{
    public const string FileName = "features.json";

    public int CountOf(string split) => split switch
    {
        FeatureCache.Train => TrainCount,
        FeatureCache.Test => TestCount,
        _ => throw new ArgumentException($"unknown split '{split}' (train or test)"),
    };
}

/// <summary>How one fill went: examples computed now, examples found on disk, and the seconds spent computing.</summary>
public sealed record FillResult(int Computed, int Reused, double Seconds)
{
    public double ImagesPerSecond => Seconds > 0 ? Computed / Seconds : 0;
}

/// <summary>
/// Features cached on disk per split in fixed-size chunks (<c>train/chunk-00000.feat</c>, ...). Filling skips every
/// chunk already whole on disk, so an interrupted extraction resumes at the first missing chunk.
/// </summary>
public sealed class FeatureCache
{
    public const string Train = "train";
    public const string Test = "test";

    private FeatureCache(string folder, FeatureManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    public string Folder { get; }
    public FeatureManifest Manifest { get; }

    /// <summary>Opens a folder for filling: writes the manifest, or checks that the one there matches.</summary>
    public static FeatureCache Open(string folder, FeatureManifest manifest)
    {
        if (manifest.ChunkSize <= 0) throw new ArgumentOutOfRangeException(nameof(manifest), "chunk size must be positive");
        string path = Path.Combine(folder, FeatureManifest.FileName);
        if (File.Exists(path))
        {
            var existing = ReadManifest(folder);
            if (existing != manifest)
                throw new InvalidOperationException($"{folder} holds features made with other options ({existing}); " +
                    $"this run asks for {manifest}. Use another --out folder or delete that one.");
        }
        else
        {
            Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(manifest, JsonOptions));
        }
        return new FeatureCache(folder, manifest);
    }

    public static FeatureManifest ReadManifest(string folder)
    {
        string path = Path.Combine(folder, FeatureManifest.FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"{folder}: no {FeatureManifest.FileName}; not a feature folder (run 'toolkit transfer features')", path);
        try
        {
            return JsonSerializer.Deserialize<FeatureManifest>(File.ReadAllText(path), JsonOptions) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid feature manifest: {e.Message}");
        }
    }

    public IReadOnlyList<(int First, int Count)> Chunks(string split)
    {
        int total = Manifest.CountOf(split);
        var chunks = new List<(int, int)>();
        for (int first = 0; first < total; first += Manifest.ChunkSize) chunks.Add((first, Math.Min(Manifest.ChunkSize, total - first)));
        return chunks;
    }

    public string ChunkPath(string split, int first) => Path.Combine(Folder, split, $"chunk-{first / Manifest.ChunkSize:D5}.feat");

    /// <summary>Examples of the split not yet on disk.</summary>
    public int Missing(string split) =>
        Chunks(split).Where(c => !FeatureChunk.IsComplete(ChunkPath(split, c.First), c.First, c.Count, Manifest.Dimension)).Sum(c => c.Count);

    /// <summary>
    /// Computes and writes every chunk of the split that is not whole on disk. <paramref name="compute"/> gets
    /// (first, count) and returns count × dimension features; <paramref name="progress"/> gets examples done so far.
    /// </summary>
    public FillResult Fill(string split, byte[] labels, Func<int, int, float[]> compute, Action<int>? progress = null,
        CancellationToken cancellation = default)
    {
        if (labels.Length != Manifest.CountOf(split))
            throw new ArgumentException($"{labels.Length} labels for the {split} split of {Manifest.CountOf(split)} examples");
        Directory.CreateDirectory(Path.Combine(Folder, split));
        int computed = 0, reused = 0;
        var clock = new Stopwatch();
        foreach (var (first, count) in Chunks(split))
        {
            cancellation.ThrowIfCancellationRequested();
            string path = ChunkPath(split, first);
            if (FeatureChunk.IsComplete(path, first, count, Manifest.Dimension))
            {
                reused += count;
            }
            else
            {
                clock.Start();
                float[] features = compute(first, count);
                clock.Stop();
                new FeatureChunk(first, count, Manifest.Dimension, labels.AsSpan(first, count).ToArray(), features).Write(path);
                computed += count;
            }
            progress?.Invoke(computed + reused);
        }
        return new FillResult(computed, reused, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// All features and labels of a split, in order; fails if a chunk is missing or does not fit. With
    /// <paramref name="leadingOnly"/>, returns the whole chunks before the first missing one instead (an extraction
    /// still running or cut short; CIFAR-10's files are in random order, so a prefix is a fair sample).
    /// </summary>
    public static (float[] Features, byte[] Labels, int Dimension) Load(string folder, string split, bool leadingOnly = false)
    {
        var manifest = ReadManifest(folder);
        var cache = new FeatureCache(folder, manifest);
        var chunks = cache.Chunks(split).ToList();
        if (leadingOnly)
            chunks = chunks.TakeWhile(c => FeatureChunk.IsComplete(cache.ChunkPath(split, c.First), c.First, c.Count, manifest.Dimension)).ToList();
        int total = chunks.Sum(c => c.Count);
        if (total == 0) throw new InvalidOperationException($"{folder}: no finished {split} chunk yet");
        var features = new float[(long)total * manifest.Dimension];
        var labels = new byte[total];
        foreach (var (first, count) in chunks)
        {
            string path = cache.ChunkPath(split, first);
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path}: chunk missing; the extraction did not finish (run 'toolkit transfer features' again to resume)", path);
            var chunk = FeatureChunk.Read(path);
            if (chunk.First != first || chunk.Count != count || chunk.Dimension != manifest.Dimension)
                throw new DataFormatException(path, "header", $"holds {chunk.Count} × {chunk.Dimension} from {chunk.First}, expected {count} × {manifest.Dimension} from {first}");
            chunk.Features.CopyTo(features, (long)first * manifest.Dimension);
            chunk.Labels.CopyTo(labels, first);
        }
        return (features, labels, manifest.Dimension);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
