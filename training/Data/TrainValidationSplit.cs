using static TorchSharp.torch;

namespace Toolkit.Training.Data;

/// <summary>Splits a labelled set into train and validation parts by a seeded permutation.</summary>
public static class TrainValidationSplit
{
    public const long DefaultSeed = 20_090_408;

    public static (ImageTensors Train, ImageTensors Validation) Split(ImageTensors all, int validationCount, long seed = DefaultSeed)
    {
        if (validationCount <= 0 || validationCount >= all.Count)
            throw new ArgumentException($"validation size {validationCount} must be between 1 and {all.Count - 1}");
        var generator = new Generator((ulong)seed);
        using var order = randperm(all.Count, generator: generator);
        using var trainIndices = order.slice(0, validationCount, all.Count, 1);
        using var validationIndices = order.slice(0, 0, validationCount, 1);
        return (all.Select(trainIndices), all.Select(validationIndices));
    }
}
