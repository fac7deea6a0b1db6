using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary>Times reading the large image splits into memory, the cost every training run pays first.</summary>
public sealed class DataBenchmarkCommand : Command<DataBenchmarkCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--repeat <N>")]
        [Description("Times to read each split; the best and the mean are reported. Default 3.")]
        public int Repeat { get; init; } = 3;

        public override ValidationResult Validate() =>
            OptionRules.Check(OptionRules.Range("--repeat", Repeat, 1, OptionRules.MaxCount)) ?? base.Validate();
    }

    /// <summary>Wall-clock seconds, and the process's CPU seconds, which other work on a shared machine disturbs less.</summary>
    private sealed record Timing(string Name, int Images, double BestSeconds, double MeanSeconds, double MeanCpuSeconds);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Repeat < 1) throw new ArgumentException("--repeat must be at least 1");
        var location = settings.Location;
        var timings = new List<Timing>
        {
            Measure("mnist train", settings.Repeat, () => MnistReader.ReadSplit(location.Folder(MnistReader.FolderName), train: true).Count),
            Measure("cifar10 train", settings.Repeat, () => CifarReader.ReadSplit(location.Folder(CifarReader.FolderName), train: true).Count),
        };

        if (settings.Json) Json.Print(new { root = location.Root, repeat = settings.Repeat, timings });
        else PrintTable(timings);
        return 0;
    }

    private static Timing Measure(string name, int repeat, Func<int> read)
    {
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
        return new Timing(name, images, Math.Round(seconds.Min(), 3), Math.Round(seconds.Average(), 3),
            Math.Round(cpuSeconds.Average(), 3));
    }

    private static void PrintTable(IEnumerable<Timing> timings)
    {
        var table = new Table().AddColumn("split").AddColumn(new TableColumn("images").RightAligned())
            .AddColumn(new TableColumn("best s").RightAligned()).AddColumn(new TableColumn("mean s").RightAligned())
            .AddColumn(new TableColumn("mean CPU s").RightAligned());
        foreach (var t in timings)
            table.AddRow(t.Name, t.Images.ToString("N0"), t.BestSeconds.ToString("F3"), t.MeanSeconds.ToString("F3"),
                t.MeanCpuSeconds.ToString("F3"));
        AnsiConsole.Write(table);
    }
}
