using System.Diagnostics;
using Toolkit.Datasets.Text;
using Toolkit.Training.Topics;

namespace Toolkit.Pipelines.Topics;

/// <summary>The NPMI floors of a corpus: random word sets, and the topics of a non-negative matrix factorization.</summary>
public sealed record TopicsBaselineResult(ReferenceCorpus Reference, int Vocabulary, double RandomSetsNpmi, int RandomSets, string Method,
    double NmfNpmi, double NmfSeconds, IReadOnlyList<TopicSummary> Topics);

/// <summary>
/// The topic model's baselines, top to bottom: the mean NPMI of random 10-word sets, then NMF fitted on the training
/// documents (TF-IDF or raw counts) and its topics scored on the same reference corpus as the VAE's.
/// </summary>
public static class TopicsBaseline
{
    public const int WordsPerSet = 10;

    public static TopicsBaselineResult Run(TopicCorpus corpus, NmfOptions nmf, int randomSets)
    {
        var scorer = new NpmiScorer(corpus.Reference);
        double random = scorer.RandomSets(randomSets, WordsPerSet, nmf.Seed);
        var watch = Stopwatch.StartNew();
        var weights = Nmf.Fit(corpus.Train, nmf);
        double seconds = watch.Elapsed.TotalSeconds;
        var topics = TopicSummary.Score(weights, corpus.Vocabulary, scorer);
        return new TopicsBaselineResult(corpus.ReferenceName, corpus.Vocabulary.Count, random, randomSets,
            nmf.TfIdf ? "NMF (TF-IDF)" : "NMF (counts)", TopicSummary.Mean(topics), seconds, topics);
    }
}
