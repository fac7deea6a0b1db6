using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Pipelines.Cifar;
using Toolkit.Training.Benchmarks;
using Toolkit.Training.Cifar;

namespace Toolkit.Pipelines.Benchmarks;

/// <summary>
/// The trainer's data path against a bare loop over preloaded tensors, for an architecture's recipe (its batch size
/// unless another is given), on the CIFAR-10 training images.
/// </summary>
public static class TrainThroughput
{
    public static ThroughputResult Run(string arch, int? batchSize, DataLocation location, int batches, int rounds)
    {
        var spec = new CifarTrainingOptions { Arch = arch }.BaseSpec();
        if (batchSize is int size) spec = spec with { Training = spec.Training with { BatchSize = size } };
        using var data = CifarData.Load(location.Folder(CifarReader.FolderName));
        return ThroughputBenchmark.Run(spec, data.Train, batches, rounds);
    }
}
