using Toolkit.Inference.Benchmarks;
using Toolkit.Pipelines.Benchmarks;

namespace Toolkit.Cli.Commands;

/// <summary>ONNX Runtime session settings and pre-allocated tensors for one model, side by side.</summary>
public sealed class BenchSessionOptionsCommand : Command<BenchSessionOptionsCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "[MODEL]"), Description("An exported model. Default models/cifar10-lenet.onnx.")]
        public string Model { get; init; } = "models/cifar10-lenet.onnx";
        [CommandOption("--batch <LIST>"), Description("Images per call, 1-4096 each. Default 32,256,1024.")]
        public string Batch { get; init; } = "32,256,1024";
        [CommandOption("--rounds <N>"), Description("Rounds over all variants; the best counts. 1-20, default 2.")]
        public int Rounds { get; init; } = 2;
        [CommandOption("--seconds <S>"), Description("Minimum timed seconds per variant, batch and round, 0.1-60. Default 1.")]
        public double Seconds { get; init; } = 1;
        [CommandOption("--peak-gflops <G>"), Description("The machine's fp32 peak in GFLOP/s. Default: from /proc/cpuinfo.")]
        public double? PeakGflops { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(
                File.Exists(Model) ? null : $"{Model}: model file not found",
                OptionRules.List<int>("--batch", Batch, b => OptionRules.Range("--batch", b, 1, 4096)),
                OptionRules.Range("--rounds", Rounds, 1, 20),
                OptionRules.Between("--seconds", Seconds, 0.1, 60),
                OptionRules.Positive("--peak-gflops", PeakGflops)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        double peak = settings.PeakGflops ?? CpuPeak.OfThisMachine()?.Gflops
            ?? throw new ArgumentException("/proc/cpuinfo does not tell this machine's peak; give it with --peak-gflops");
        var results = SessionOptionsBenchmark.Run(settings.Model, SessionOptionsBenchmark.StandardVariants(Environment.ProcessorCount),
            OptionRules.Values<int>(settings.Batch), settings.Rounds, settings.Seconds, peak, new StderrProgress());
        if (settings.Json)
        {
            Json.Print(new { model = settings.Model, peakGflops = peak, loadAverage = LoadAverage.Text(), results });
            return 0;
        }
        Tables.Print(results, ["variant", "batch", "images/s", "GFLOP/s", "% of peak", "vs first"],
            r => [Markup.Escape(r.Variant), r.Batch.ToString(), r.ImagesPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                r.Gflops.ToString("F1", CultureInfo.InvariantCulture), r.PercentOfPeak.ToString("F1", CultureInfo.InvariantCulture),
                r.RelativeToFirst.ToString("F2", CultureInfo.InvariantCulture) + "x"]);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"fp32 peak {peak:F0} GFLOP/s; load average {LoadAverage.Text()}"));
        return 0;
    }
}
