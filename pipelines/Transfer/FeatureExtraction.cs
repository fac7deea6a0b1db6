using Google.Protobuf;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Export.Transfer;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Toolkit.Inference.Transfer;
using Toolkit.Pipelines.Outputs;

namespace Toolkit.Pipelines.Transfer;

public sealed record FeatureRequest(string Backbone, string Preprocess, int Resolution, int? TrainSubset, int? TestSubset,
    int? TrainJpegQuality, IReadOnlyList<string> Splits, string Folder, int Batch, ExecutionDevice Device);

public sealed record SplitReport(string Split, int Images, int Computed, int Reused, double Seconds, double ImagesPerSecond);

/// <summary>The splits filled, and the images computed (not reused) per second over all of them.</summary>
public sealed record FeatureExtractionResult(IReadOnlyList<SplitReport> Splits, string Provider, string? Notice)
{
    public int Computed => Splits.Sum(r => r.Computed);
    public double Seconds => Splits.Sum(r => r.Seconds);
    public double ImagesPerSecond => Seconds > 0 ? Math.Round(Computed / Seconds, 2) : 0;
}

/// <summary>
/// CIFAR-10 through the pretrained backbone into a feature folder: select (and optionally JPEG-degrade) the images,
/// build the extraction graph, then fill the chunk cache split by split, test first, reusing every whole chunk.
/// </summary>
public static class FeatureExtraction
{
    /// <summary>The default feature folder of a resolution: runs/transfer/features-RESOLUTION.</summary>
    public static string DefaultFolder(int resolution) => Path.Combine("runs", "transfer", $"features-{resolution}");

    public const string ExtractorFileName = "extractor.onnx";
    private const int ChunkSize = 500;

    /// <param name="display">Shows each split's fill, e.g. under a progress bar.</param>
    public static FeatureExtractionResult Run(FeatureRequest request, DataLocation location, IProgressDisplay display, CancellationToken cancel)
    {
        var (train, test) = Images(request, location);
        var backbone = BackboneGraph.Load(request.Backbone);
        var preprocessing = ResNetPreprocessing.Read(request.Preprocess);
        var manifest = new FeatureManifest(Path.GetFileName(request.Backbone), request.Resolution, (int)backbone.Features,
            ChunkSize, request.TrainSubset, train.Count, test.Count, request.TrainJpegQuality);
        var cache = FeatureCache.Open(request.Folder, manifest);

        string graphPath = Path.Combine(request.Folder, ExtractorFileName);
        var graph = TransferGraph.FeatureExtractor(preprocessing, backbone, CifarImages.Height, request.Resolution);
        AtomicFile.WriteAllBytes(graphPath, graph.ToByteArray());
        using var extractor = new FeatureExtractor(graphPath, request.Device);

        var reports = new List<SplitReport>();
        // The test split first: a run cut short still leaves features to measure a head on.
        foreach (var (split, images) in new[] { (FeatureCache.Test, test), (FeatureCache.Train, train) })
        {
            if (!request.Splits.Contains(split)) continue;
            var fill = display.Run($"{split} features at {request.Resolution}px ({extractor.Provider})", images.Count, progress =>
                cache.Fill(split, images.Labels, (first, count) => extractor.Run(images.Floats(first, count), count, request.Batch), progress.Report, cancel));
            reports.Add(new SplitReport(split, images.Count, fill.Computed, fill.Reused, Math.Round(fill.Seconds, 1), Math.Round(fill.ImagesPerSecond, 2)));
        }
        return new FeatureExtractionResult(reports, extractor.Provider, extractor.FallbackNotice);
    }

    private static (CifarImages Train, CifarImages Test) Images(FeatureRequest request, DataLocation location)
    {
        string cifar = location.Folder(CifarReader.FolderName);
        var train = CifarReader.ReadSplit(cifar, train: true);
        if (request.TrainSubset is int n) train = train.Select(StratifiedSubset.FirstPerClass(train.Labels, n, CifarImages.ClassNames.Count));
        if (request.TrainJpegQuality is int quality) train = JpegDegraded(train, quality);
        var test = CifarReader.ReadSplit(cifar, train: false);
        if (request.TestSubset is int m) test = test.Select(StratifiedSubset.FirstPerClass(test.Labels, m, CifarImages.ClassNames.Count));
        return (train, test);
    }

    private static CifarImages JpegDegraded(CifarImages images, int quality)
    {
        var pixels = new byte[images.Pixels.Length];
        for (int i = 0; i < images.Count; i++)
            JpegRoundTrip.Apply(images.Image(i), CifarImages.Height, CifarImages.Width, quality).CopyTo(pixels, i * CifarImages.PixelsPerImage);
        return new CifarImages(pixels, images.Labels);
    }
}
