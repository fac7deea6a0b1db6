using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Benchmarks;

namespace Toolkit.Cli.Commands;

public sealed class BenchInferenceCommand : Command<BenchInferenceCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("An exported CIFAR-10 classifier, e.g. models/cifar10-lenet.onnx.")]
        public string Model { get; init; } = "";

        [CommandOption("--batch <N>")]
        [Description("Images per forward pass. Default: 256.")]
        [DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--rounds <N>")]
        [Description("Timed passes over the test set per engine, alternating. Default: 3.")]
        [DefaultValue(3)]
        public int Rounds { get; init; } = 3;

        public override ValidationResult Validate() =>
            OptionRules.Check(
                File.Exists(Model) ? null : $"{Model}: model file not found",
                OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
                OptionRules.Range("--rounds", Rounds, 1, OptionRules.MaxCount)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var set = EvaluationSets.Load("cifar10-test", settings.Location);
        var result = InferenceBenchmark.Run(settings.Model, set, settings.Batch, settings.Rounds);
        if (settings.Json)
        {
            Json.Print(result);
            return 0;
        }
        var table = new Table().AddColumns("engine", "images/s", "accuracy");
        table.AddRow("ONNX Runtime", result.OnnxRuntimeImagesPerSecond.ToString("N0"), result.OnnxRuntimeAccuracy.ToString("F4"));
        table.AddRow("TorchSharp", result.TorchSharpImagesPerSecond.ToString("N0"), result.TorchSharpAccuracy.ToString("F4"));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"ONNX Runtime / TorchSharp: [bold]{result.Speedup:F2}x[/] (batch {result.BatchSize}, {result.Images:N0} images x {result.Rounds} rounds, " +
            $"torch threads {result.TorchThreads}); max logit difference {result.MaxLogitDifference:E2}");
        return 0;
    }
}
