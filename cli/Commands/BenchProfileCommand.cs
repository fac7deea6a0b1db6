using Toolkit.Inference.Benchmarks;
using Toolkit.Pipelines.Benchmarks;

namespace Toolkit.Cli.Commands;

/// <summary>Where one graph spends its time, by operator type, from ONNX Runtime's profiler.</summary>
public sealed class BenchProfileCommand : Command<BenchProfileCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "<MODEL>"), Description("Any exported graph: a classifier, a reconstruction model or a gradient graph (NAME.grad.onnx).")]
        public string Model { get; init; } = "";
        [CommandOption("--batch <N>"), Description("Batch size of the random inputs, 1-4096. Default 256.")]
        public int Batch { get; init; } = 256;
        [CommandOption("--threads <N>"), Description("ONNX Runtime intra-op threads, 1-64. Default 2.")]
        public int Threads { get; init; } = 2;
        [CommandOption("--runs <N>"), Description("Profiled runs after one warm-up run, 1-1000. Default 6.")]
        public int Runs { get; init; } = 6;

        public override ValidationResult Validate() =>
            Validation.Check(
                File.Exists(Model) ? null : $"{Model}: model file not found",
                OptionRules.Range("--batch", Batch, 1, 4096),
                OptionRules.Range("--threads", Threads, 1, 64),
                OptionRules.Range("--runs", Runs, 1, 1000)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var profile = OperatorProfile.Run(settings.Model, settings.Batch, settings.Threads, settings.Runs);
        if (settings.Json)
        {
            Json.Print(profile);
            return 0;
        }
        Tables.Print(profile.Operators, ["operator", "nodes", "ms per run", "share of kernel time"],
            o => [o.OpType, o.Nodes.ToString(CultureInfo.InvariantCulture), o.MillisecondsPerRun.ToString("F2", CultureInfo.InvariantCulture),
                o.Share.ToString("P1", CultureInfo.InvariantCulture)]);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{profile.Model}: {profile.MillisecondsPerRun:F2} ms per run of batch {profile.Batch} ({profile.Runs} runs, {profile.Threads} threads); load average {LoadAverage.Text()}"));
        return 0;
    }
}
