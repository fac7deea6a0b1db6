using Toolkit.Datasets.Cifar;
using Toolkit.Training.Data;

namespace Toolkit.Training.Cifar;

/// <summary>CIFAR-10 in memory: 40,000 train / 10,000 validation by a fixed seed, and the 10,000 test images.</summary>
public sealed class CifarData : IDisposable
{
    public const int ValidationCount = 10_000;
    public const int TrainingCount = 40_000;

    private CifarData(ImageTensors train, ImageTensors validation, ImageTensors test, IReadOnlyDictionary<string, string> checksums)
    {
        Train = train;
        Validation = validation;
        Test = test;
        Checksums = checksums;
    }

    public ImageTensors Train { get; }
    public ImageTensors Validation { get; }
    public ImageTensors Test { get; }

    /// <summary>sha256 of the data files read, by file name.</summary>
    public IReadOnlyDictionary<string, string> Checksums { get; }

    /// <summary>Reads the data set folder; <paramref name="subset"/> keeps that many training images and a quarter as many for validation.</summary>
    public static CifarData Load(string folder, int? subset = null)
    {
        using var all = ImageTensors.FromCifar(CifarReader.ReadSplit(folder, train: true));
        var (train, validation) = TrainValidationSplit.Split(all, ValidationCount);
        var test = ImageTensors.FromCifar(CifarReader.ReadSplit(folder, train: false));
        if (subset is int n)
        {
            (train, validation) = (Shrink(train, n), Shrink(validation, Math.Max(1, n / 4)));
        }
        return new CifarData(train, validation, test, CifarReader.Checksums(folder, train: true));
    }

    private static ImageTensors Shrink(ImageTensors images, int count)
    {
        var kept = images.Take(count);
        images.Dispose();
        return kept;
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
