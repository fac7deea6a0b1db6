using System.Diagnostics;
using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;

namespace Toolkit.Pipelines.Datasets;

/// <summary>Wall-clock seconds, and the process's CPU seconds, which other work on a shared machine disturbs less.</summary>
public sealed record ReadTime(string Name, int Images, double BestSeconds, double MeanSeconds, double MeanCpuSeconds);

/// <summary>Times reading the large image splits into memory, the cost every training run pays first.</summary>
public static class ReadTiming
{
    public static IReadOnlyList<ReadTime> Run(DataLocation location, int repeat) =>
    [
        Measure("mnist train", repeat, () => MnistReader.ReadSplit(location.Folder(MnistReader.FolderName), train: true).Count),
        Measure("cifar10 train", repeat, () => CifarReader.ReadSplit(location.Folder(CifarReader.FolderName), train: true).Count),
    ];

    public static ReadTime Measure(string name, int repeat, Func<int> read)
    {
        if (repeat < 1) throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "read at least once");
        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        int images = 0;
        for (int i = 0; i < repeat; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            images = read();
            seconds.Add(watch.Elapsed.TotalSeconds);
            cpuSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        return new ReadTime(name, images, Math.Round(seconds.Min(), 3), Math.Round(seconds.Average(), 3), Math.Round(cpuSeconds.Average(), 3));
    }
}
