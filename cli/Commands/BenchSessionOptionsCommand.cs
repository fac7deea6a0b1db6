using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Benchmarks;

namespace Toolkit.Cli.Commands;

/// <summary>ONNX Runtime session settings and pre-allocated tensors for one model, side by side.</summary>
public sealed class BenchSessionOptionsCommand : Command<BenchSessionOptionsCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "[MODEL]")]
        [Description("An exported model. Default models/cifar10-lenet.onnx.")]
        public string Model { get; init; } = "models/cifar10-lenet.onnx";

        [CommandOption("--batch <LIST>")]
        [Description("Images per call, 1-4096 each. Default 32,256,1024.")]
        public string Batch { get; init; } = "32,256,1024";

        [CommandOption("--rounds <N>")]
        [Description("Rounds over all variants; the best counts. 1-20, default 2.")]
        public int Rounds { get; init; } = 2;

        [CommandOption("--seconds <S>")]
        [Description("Minimum timed seconds per variant, batch and round, 0.1-60. Default 1.")]
        public double Seconds { get; init; } = 1;

        [CommandOption("--peak-gflops <G>")]
        [Description("The machine's fp32 peak in GFLOP/s. Default: from /proc/cpuinfo.")]
        public double? PeakGflops { get; init; }

        public override ValidationResult Validate()
        {
            if (!File.Exists(Model)) return ValidationResult.Error($"{Model}: model file not found");
            if (BatchSizes(Batch) is null) return ValidationResult.Error($"--batch {Batch}: expected sizes of 1-4096, comma-separated");
            if (Rounds is < 1 or > 20) return ValidationResult.Error($"--rounds {Rounds}: expected 1-20");
            if (Seconds is < 0.1 or > 60) return ValidationResult.Error($"--seconds {Seconds}: expected 0.1-60");
            if (PeakGflops is <= 0) return ValidationResult.Error($"--peak-gflops {PeakGflops}: expected a positive number");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        double peak = settings.PeakGflops ?? CpuPeak.OfThisMachine()?.Gflops
            ?? throw new ArgumentException("/proc/cpuinfo does not tell this machine's peak; give it with --peak-gflops");
        var results = SessionOptionsBenchmark.Run(settings.Model, SessionOptionsBenchmark.StandardVariants(Environment.ProcessorCount),
            BatchSizes(settings.Batch)!, settings.Rounds, settings.Seconds, peak, new StderrProgress());
        if (settings.Json)
        {
            Json.Print(new { model = settings.Model, peakGflops = peak, loadAverage = LoadAverage.Text(), results });
            return 0;
        }
        var table = new Table().AddColumns("variant", "batch", "images/s", "GFLOP/s", "% of peak", "vs first");
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.Variant), r.Batch.ToString(), r.ImagesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                r.Gflops.ToString("F1", CultureInfo.InvariantCulture), r.PercentOfPeak.ToString("F1", CultureInfo.InvariantCulture),
                r.RelativeToFirst.ToString("F2", CultureInfo.InvariantCulture) + "x");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"fp32 peak {peak:F0} GFLOP/s; load average {LoadAverage.Text()}"));
        return 0;
    }

    private static IReadOnlyList<int>? BatchSizes(string text)
    {
        var sizes = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) || size is < 1 or > 4096) return null;
            sizes.Add(size);
        }
        return sizes.Count == 0 ? null : sizes;
    }
}
