using Toolkit.Pipelines.Topics;
using Toolkit.Training.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>NPMI floors on the VAE's corpus and metric: random word sets, and NMF topics.</summary>
public sealed class TopicsBaselineCommand : Command<TopicsBaselineCommand.Settings>
{
    public sealed class Settings : TopicsCorpusSettings
    {
        [CommandOption("--topics <N>"), Description("NMF topics. Default 20.")]
        public int Topics { get; init; } = 20;
        [CommandOption("--iterations <N>"), Description("NMF multiplicative-update iterations. Default 200.")]
        public int Iterations { get; init; } = 200;
        [CommandOption("--counts"), Description("Factorise raw counts instead of TF-IDF.")]
        public bool Counts { get; init; }
        [CommandOption("--random-sets <N>"), Description("Random 10-word sets averaged for the floor. Default 1000.")]
        public int RandomSets { get; init; } = 1000;

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--topics", Topics, 1, OptionRules.MaxLayerSize),
                OptionRules.Range("--iterations", Iterations, 1, OptionRules.MaxCount),
                OptionRules.Range("--random-sets", RandomSets, 1, OptionRules.MaxCount)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = TopicsBaseline.Run(settings.Corpus.Load(settings.Location), new NmfOptions(settings.Topics, settings.Iterations, settings.Seed, !settings.Counts), settings.RandomSets);
        if (settings.Json) Json.Print(result);
        else
        {
            ConsoleLine.Out($"random 10-word sets ({result.RandomSets}): mean NPMI [bold]{result.RandomSetsNpmi:F4}[/]");
            ConsoleLine.Out($"{result.Method}, {settings.Topics} topics, {settings.Iterations} iterations, {result.NmfSeconds:F1} s:");
            TopicsTable.Print(result.Topics, result.NmfNpmi);
        }
        return 0;
    }
}
