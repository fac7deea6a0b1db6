using Toolkit.Inference.Benchmarks;
using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Benchmarks;

namespace Toolkit.Cli.Commands;

public sealed class BenchInferenceCommand : Command<BenchInferenceCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "[MODELS]"), Description("Exported classifiers. Default: every classifier of at most 16 MB in --models (the committed ones).")]
        public string[] Models { get; init; } = [];
        [CommandOption("--models <DIR>"), Description("Folder searched when no model is named. Default models.")]
        public string ModelFolder { get; init; } = "models";
        [CommandOption("--batch <LIST>"), Description("Images per forward pass, 1-4096 each. Default 1,32,256.")]
        public string Batch { get; init; } = "1,32,256";
        [CommandOption("--threads <LIST>"), Description("ONNX Runtime intra-op thread counts, 1-64 each. Default 1,2.")]
        public string Threads { get; init; } = "1,2";
        [CommandOption("--seconds <S>"), Description("Minimum timed seconds per model, batch and thread count, 0.1-60. Default 1.")]
        public double Seconds { get; init; } = 1;
        [CommandOption("--peak-gflops <G>"), Description("The machine's fp32 peak in GFLOP/s. Default: cores × GHz × FMA lanes × 2 FMA units × 2, from /proc/cpuinfo.")]
        public double? PeakGflops { get; init; }
        [CommandOption("--measure-peak"), Description("Hold the rates against the peak measured here instead: every core running independent vector FMAs for 1 s.")]
        public bool MeasurePeak { get; init; }
        [CommandOption("--torch"), Description("Instead: evaluate the CIFAR-10 test set with ONNX Runtime and with the same network in TorchSharp, alternating (needs --data; the first batch size).")]
        public bool Torch { get; init; }
        [CommandOption("--rounds <N>"), Description("With --torch: timed passes over the test set per engine, 1-100. Default 3.")]
        public int Rounds { get; init; } = 3;

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.List<int>("--batch", Batch, b => OptionRules.Range("--batch", b, 1, 4096)),
                OptionRules.List<int>("--threads", Threads, t => OptionRules.Range("--threads", t, 1, 64)),
                OptionRules.Between("--seconds", Seconds, 0.1, 60),
                OptionRules.Positive("--peak-gflops", PeakGflops),
                OptionRules.Range("--rounds", Rounds, 1, 100),
                MeasurePeak && PeakGflops is not null ? "--measure-peak and --peak-gflops: give one of them" : null,
                Torch && Models.Length != 1 ? "--torch needs exactly one model" : null) ?? base.Validate();
    }

    /// <summary>Classifier files above this size are not benchmarked unless named (the 64 MB ResNet18 exports are not committed).</summary>
    private const long DefaultMaxModelBytes = 16L << 20;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var batches = OptionRules.Values<int>(settings.Batch);
        if (settings.Torch) return CompareWithTorch(settings, batches[0]);
        var peak = settings.PeakGflops is { } given ? CpuPeak.Given(given)
            : settings.MeasurePeak ? CpuPeak.Measured()
            : CpuPeak.OfThisMachine() ?? throw new ArgumentException("/proc/cpuinfo does not tell this machine's peak; give it with --peak-gflops");
        var models = settings.Models.Length > 0 ? settings.Models : ClassifierFiles.In(settings.ModelFolder, DefaultMaxModelBytes);
        foreach (string model in models)
            if (!File.Exists(model)) throw new FileNotFoundException($"{model}: model file not found");
        var points = ClassifierThroughput.Run(models, batches, OptionRules.Values<int>(settings.Threads), settings.Seconds, peak.Gflops, progress: new StderrProgress());
        if (settings.Json)
        {
            Json.Print(new { peak, loadAverage = LoadAverage.Text(), points });
            return 0;
        }
        Tables.Print(points, ["model", "MFLOP/image", "batch", "threads", "images/s", "GFLOP/s", "% of peak"],
            p => [p.Model, p.MegaflopsPerImage.ToString("F2", CultureInfo.InvariantCulture), p.Batch.ToString(), p.Threads.ToString(),
                p.ImagesPerSecond.ToString("N0", CultureInfo.InvariantCulture), p.Gflops.ToString("F1", CultureInfo.InvariantCulture),
                p.PercentOfPeak.ToString("F1", CultureInfo.InvariantCulture)]);
        string source = peak.Source switch
        {
            "given" => "given",
            "measured" => $"measured: {peak.Cores} threads of independent {peak.Fp32Lanes * 32}-bit FMAs; /proc/cpuinfo lists {CpuPeak.OfThisMachine()?.Gflops:F0}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{peak.Cores} cores × {peak.Gigahertz:F2} GHz × {peak.Fp32Lanes} lanes × {CpuPeak.FmaUnits} FMA units × 2"),
        };
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"fp32 peak {peak.Gflops:F0} GFLOP/s ({source}); load average {LoadAverage.Text()}"));
        return 0;
    }

    private static int CompareWithTorch(Settings settings, int batch)
    {
        var result = InferenceBenchmark.Run(settings.Models[0], EvaluationSets.Load("cifar10-test", settings.Location), batch, settings.Rounds);
        if (settings.Json)
        {
            Json.Print(result);
            return 0;
        }
        Tables.Print(new[] { ("ONNX Runtime", result.OnnxRuntimeImagesPerSecond, result.OnnxRuntimeAccuracy), ("TorchSharp", result.TorchSharpImagesPerSecond, result.TorchSharpAccuracy) },
            ["engine", "images/s", "accuracy"], e => [e.Item1, e.Item2.ToString("N0"), e.Item3.ToString("F4")]);
        AnsiConsole.MarkupLine($"ONNX Runtime / TorchSharp: [bold]{result.Speedup:F2}x[/] (batch {result.BatchSize}, {result.Images:N0} images x {result.Rounds} rounds, " +
            $"torch threads {result.TorchThreads}); max logit difference {result.MaxLogitDifference:E2}");
        return 0;
    }
}
