using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;
using Toolkit.Format;

namespace Toolkit.Inference.Evaluation;

/// <summary>
/// Labelled images to evaluate a model on, kept as bytes (0-255) and turned into [0, 1] floats batch by batch.
/// <paramref name="Subsets"/> names index ranges worth reporting on their own (e.g. CIFAR-10's lossless test images).
/// </summary>
public sealed record EvaluationSet(
    string Name,
    string Family,
    byte[] Pixels,
    byte[] Labels,
    int ValuesPerExample,
    IReadOnlyList<string> ClassNames,
    IReadOnlyDictionary<string, Range> Subsets)
{
    public int Count => Labels.Length;

    public void CopyBatch(int start, int count, float[] destination)
    {
        UnitPixels.Convert(Pixels.AsSpan(start * ValuesPerExample, count * ValuesPerExample), destination);
    }

    /// <summary>Throws unless the model was trained on this set's family and takes its examples' size.</summary>
    public void CheckTakes(ModelInfo info, string modelPath)
    {
        if (info.Dataset != "unknown" && info.Dataset != Family)
            throw new InvalidOperationException($"{modelPath} was trained on {info.Dataset}, not {Family}");
        if (info.InputSize != ValuesPerExample)
            throw new InvalidOperationException(
                $"{modelPath} takes {info.InputSize} values per example ({info.Dataset}), but {Name} has {ValuesPerExample}");
    }

    public EvaluationSet Take(int limit)
    {
        if (limit >= Count) return this;
        var subsets = Subsets
            .Where(s => s.Value.End.Value <= limit)
            .ToDictionary(s => s.Key, s => s.Value);
        return this with
        {
            Pixels = Pixels[..(limit * ValuesPerExample)],
            Labels = Labels[..limit],
            Subsets = subsets,
        };
    }
}

/// <summary>The evaluation sets the command line knows by name.</summary>
public static class EvaluationSets
{
    public static IReadOnlyList<string> Names => ["cifar10-test", "cifar10-train", "mnist-test", "mnist-train"];

    public static EvaluationSet Load(string name, DataLocation location) => name switch
    {
        "cifar10-test" => CifarTest(CifarReader.ReadSplit(location.Folder(CifarReader.FolderName), train: false)),
        "cifar10-train" => FromCifar(name, CifarReader.ReadSplit(location.Folder(CifarReader.FolderName), train: true),
            new Dictionary<string, Range>()),
        "mnist-test" => FromMnist(name, MnistReader.ReadSplit(location.Folder(MnistReader.FolderName), train: false)),
        "mnist-train" => FromMnist(name, MnistReader.ReadSplit(location.Folder(MnistReader.FolderName), train: true)),
        _ => throw new ArgumentException($"unknown data set '{name}'; known: {string.Join(", ", Names)}"),
    };

    public static EvaluationSet FromMnist(string name, MnistImages images) =>
        new(name, "mnist", images.Pixels, images.Labels, MnistImages.PixelsPerImage, MnistImages.ClassNames, new Dictionary<string, Range>());

    /// <summary>The CIFAR-10 test split, with its lossless first 1,000 images as a subset of their own.</summary>
    public static EvaluationSet CifarTest(CifarImages test) =>
        FromCifar("cifar10-test", test, new Dictionary<string, Range> { [ModelFormat.LosslessSubset] = 0..ModelFormat.LosslessTestImages });

    public static EvaluationSet FromCifar(string name, CifarImages images, IReadOnlyDictionary<string, Range> subsets) =>
        new(name, "cifar10", images.Pixels, images.Labels, CifarImages.PixelsPerImage, CifarImages.ClassNames, subsets);
}
