using Toolkit.Pipelines.Benchmarks;
using Toolkit.Pipelines.Cifar;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit bench train-throughput</c>: the trainer's data path against a bare loop over preloaded tensors.</summary>
public sealed class BenchThroughputCommand : Command<BenchThroughputCommand.Settings>
{
    public sealed class Settings : TorchSettings
    {
        [CommandOption("--arch <ARCH>"), Description("logreg, mlp, conv, lenet or fast (lenet).")]
        public string Arch { get; init; } = "lenet";
        [CommandOption("--batches <N>"), Description("Timed batches per round (40).")]
        public int Batches { get; init; } = 40;
        [CommandOption("--rounds <N>"), Description("Rounds, each timing both loops (3).")]
        public int Rounds { get; init; } = 3;
        [CommandOption("--batch-size <N>"), Description("Batch size (the recipe's).")]
        public int? BatchSize { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(
                CifarTrainingOptions.ArchitectureProblem(Arch),
                OptionRules.Range("--batches", Batches, 1, OptionRules.MaxCount),
                OptionRules.Range("--rounds", Rounds, 1, OptionRules.MaxCount),
                OptionRules.Range("--batch-size", BatchSize, 1, OptionRules.MaxBatch)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var result = TrainThroughput.Run(settings.Arch, settings.BatchSize, settings.Location, settings.Batches, settings.Rounds);
        if (settings.Json)
            Json.Print(new { result.Arch, result.BatchSize, result.Batches, result.Rounds, result.ToolkitImagesPerSecond, result.BareImagesPerSecond, result.Ratio, threads = TorchSharp.torch.get_num_threads() });
        else Tables.Print(new[] { ("toolkit data path", result.ToolkitImagesPerSecond.ToString("F1")), ("bare loop, preloaded float tensors", result.BareImagesPerSecond.ToString("F1")),
                ("[bold]ratio[/]", $"[bold]{result.Ratio:F3}[/]") }, ["loop", "images/s"], r => [r.Item1, r.Item2],
                $"{result.Arch} training throughput, batch {result.BatchSize}, {result.Rounds} x {result.Batches} batches");
        return 0;
    }
}
