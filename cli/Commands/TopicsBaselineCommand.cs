using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Text;
using Toolkit.Training.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>NPMI floors on the VAE's corpus and metric: random word sets, and NMF topics.</summary>
public sealed class TopicsBaselineCommand : Command<TopicsBaselineCommand.Settings>
{
    public sealed class Settings : TopicsCorpusSettings
    {
        [CommandOption("--topics <N>")]
        [Description("NMF topics. Default 20.")]
        public int Topics { get; init; } = 20;

        [CommandOption("--iterations <N>")]
        [Description("NMF multiplicative-update iterations. Default 200.")]
        public int Iterations { get; init; } = 200;

        [CommandOption("--counts")]
        [Description("Factorise raw counts instead of TF-IDF.")]
        public bool Counts { get; init; }

        [CommandOption("--random-sets <N>")]
        [Description("Random 10-word sets averaged for the floor. Default 1000.")]
        public int RandomSets { get; init; } = 1000;

        public override ValidationResult Validate() =>
            OptionRules.Check(
                OptionRules.Range("--topics", Topics, 1, OptionRules.MaxLayerSize),
                OptionRules.Range("--iterations", Iterations, 1, OptionRules.MaxCount),
                OptionRules.Range("--random-sets", RandomSets, 1, OptionRules.MaxCount)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Topics < 1 || settings.Iterations < 1 || settings.RandomSets < 1)
            throw new ArgumentException("--topics, --iterations and --random-sets must be at least 1");
        var corpus = settings.LoadCorpus();
        var scorer = new NpmiScorer(corpus.Reference);
        double random = scorer.RandomSets(settings.RandomSets, 10, settings.Seed);

        var watch = Stopwatch.StartNew();
        var weights = Nmf.Fit(corpus.Train, new NmfOptions(settings.Topics, settings.Iterations, settings.Seed, !settings.Counts));
        double nmfSeconds = watch.Elapsed.TotalSeconds;
        var topics = TopicSummary.Score(weights, corpus.Vocabulary, scorer);
        double nmf = TopicSummary.Mean(topics);
        string method = settings.Counts ? "NMF (counts)" : "NMF (TF-IDF)";

        if (settings.Json)
        {
            Json.Print(new
            {
                reference = corpus.ReferenceName, vocabulary = corpus.Vocabulary.Count, randomSetsNpmi = random,
                randomSets = settings.RandomSets, method, nmfNpmi = nmf, nmfSeconds, topics,
            });
            return 0;
        }
        ConsoleLine.Out($"random 10-word sets ({settings.RandomSets}): mean NPMI [bold]{random:F4}[/]");
        ConsoleLine.Out($"{method}, {settings.Topics} topics, {settings.Iterations} iterations, {nmfSeconds:F1} s:");
        TopicsTable.Print(topics, nmf);
        return 0;
    }
}
