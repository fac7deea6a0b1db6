using Toolkit.Datasets.Text;
using Toolkit.Pipelines.Topics;
using Toolkit.Tests.Topics;
using Toolkit.Training.Topics;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>topics baseline's workflow on a two-theme corpus: the random-set floor and NMF topics on the same NPMI.</summary>
public sealed class TopicsBaselineTests
{
    [Fact]
    public void ScoresRandomSetsAndNmfTopicsOnTheReferenceCorpus()
    {
        var corpus = TwoThemeCorpus.Create(wordsPerTheme: 6); // random sets need 10 distinct words

        var result = TopicsBaseline.Run(corpus, new NmfOptions(Topics: 2, Iterations: 50, Seed: 1, TfIdf: false), randomSets: 20);

        Assert.Equal("NMF (counts)", result.Method);
        Assert.Equal((corpus.ReferenceName, corpus.Vocabulary.Count, 20), (result.Reference, result.Vocabulary, result.RandomSets));
        Assert.Equal(2, result.Topics.Count);
        Assert.Equal(TopicSummary.Mean(result.Topics), result.NmfNpmi);
        Assert.True(result.NmfNpmi > result.RandomSetsNpmi, $"NMF {result.NmfNpmi} is not above random sets {result.RandomSetsNpmi}");
    }
}
