using System.Diagnostics;
using Toolkit.Training.Runs;

namespace Toolkit.Training.Mnist;

/// <summary>The record of a PCA fit: data, timing, and the MSE of each k measured in TorchSharp.</summary>
public sealed record PcaRecord
{
    public const string FileName = "pca.json";

    public required string Folder { get; init; }
    public required IReadOnlyList<int> Components { get; init; }
    public required IReadOnlyDictionary<string, string> DataSha256 { get; init; }
    public required SoftwareVersions Versions { get; init; }
    public required string Command { get; init; }
    /// <summary>Seconds of the fit: mean, covariance and its eigendecomposition (shared by every k).</summary>
    public double FitSeconds { get; init; }
    public double WallSeconds { get; init; }
    public IReadOnlyList<PcaSize> Sizes { get; init; } = [];
}

public sealed record PcaSize(int Components, double TrainMse, double TestMse, double ExplainedVariance);

/// <summary>Fits PCA on the MNIST training set for several k at once and records it in runs/mnist-pca/pca.json.</summary>
public static class PcaRun
{
    public static string Name(int components) => $"mnist-pca-k{components}";

    public static (IReadOnlyList<Pca> Fits, PcaRecord Record) Fit(IReadOnlyList<int> ks, string dataFolder, string folder, string command)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        using var train = MnistPixels.Load(dataFolder, train: true);
        using var test = MnistPixels.Load(dataFolder, train: false);
        var fitClock = Stopwatch.StartNew();
        var fits = Pca.FitMany(train, ks);
        double fitSeconds = fitClock.Elapsed.TotalSeconds;
        double totalVariance = TotalVariance(train);
        var sizes = fits.Select(p => new PcaSize(p.Count, Mse(p, train), Mse(p, test), p.Variances.Sum() / totalVariance)).ToArray();
        var record = new PcaRecord
        {
            Folder = folder, Components = ks, DataSha256 = MnistPixels.TrainChecksums(dataFolder), Versions = SoftwareVersions.Current(),
            Command = command, FitSeconds = fitSeconds, WallSeconds = clock.Elapsed.TotalSeconds, Sizes = sizes,
        };
        RunJson.Write(Path.Combine(folder, PcaRecord.FileName), record);
        return (fits, record);
    }

    private static double Mse(Pca pca, TorchSharp.torch.Tensor pixels)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return (pca.Reconstruct(pixels) - pixels).square().mean().item<float>();
    }

    private static double TotalVariance(TorchSharp.torch.Tensor pixels)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        return pixels.to_type(TorchSharp.torch.ScalarType.Float64).var([0L]).sum().item<double>();
    }
}
