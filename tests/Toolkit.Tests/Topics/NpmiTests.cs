using Toolkit.Datasets.Text;
using Xunit;

namespace Toolkit.Tests.Topics;

public sealed class NpmiTests
{
    // Four documents over the words a, b, c, d:   d0 = a b a,  d1 = a c,  d2 = a b,  d3 = d
    // Document frequencies: a 3, b 2, c 1, d 1; co-occurrence: ab 2, ac 1, bc 0, ad 0.
    private static readonly Vocabulary Words = new(["a", "b", "c", "d"]);

    private static NpmiScorer Scorer() => new(BagOfWords.Build(
        [["a", "b", "a"], ["a", "c"], ["a", "b"], ["d"]], Words));

    [Fact]
    public void CountsDocumentsNotOccurrences()
    {
        var scorer = Scorer();
        Assert.Equal(4, scorer.Documents);
        Assert.Equal(3, scorer.DocumentFrequency(0));
        Assert.Equal(2, scorer.CoDocumentFrequency(0, 1));
    }

    [Fact]
    public void PairMatchesTheHandComputedValue()
    {
        var scorer = Scorer();
        // a, b: p(a,b) = 2/4, p(a) = 3/4, p(b) = 2/4; log(0.5 / 0.375) / -log(0.5) = 0.28768 / 0.69315
        Assert.Equal(0.415037, scorer.Pair(0, 1), 5);
        // a, c: p(a,c) = 1/4, p(a) = 3/4, p(c) = 1/4; log(0.25 / 0.1875) / -log(0.25) = 0.28768 / 1.38629
        Assert.Equal(0.207519, scorer.Pair(0, 2), 5);
    }

    [Fact]
    public void PairThatNeverCoOccursScoresMinusOne()
    {
        var scorer = Scorer();
        Assert.Equal(-1, scorer.Pair(1, 2));
        Assert.Equal(-1, scorer.Pair(0, 3));
    }

    [Fact]
    public void PairInEveryDocumentScoresOne()
    {
        var scorer = new NpmiScorer(BagOfWords.Build([["a", "b"], ["b", "a", "c"]], Words));
        Assert.Equal(1, scorer.Pair(0, 1));
    }

    [Fact]
    public void TopicIsTheMeanOverItsPairs()
    {
        // ab 0.415037, ac 0.207519, bc -1
        Assert.Equal((0.415037 + 0.207519 - 1) / 3, Scorer().Topic([0, 1, 2]), 5);
    }

    [Fact]
    public void TopicSummaryRanksWordsByWeightAndScoresThem()
    {
        var topics = TopicSummary.Score([new float[] { 0.9f, 0.5f, 0.1f, 0.0f }], Words, Scorer(), topWords: 2);
        Assert.Equal(["a", "b"], topics[0].Words);
        Assert.Equal(0.415037, topics[0].Npmi, 5);
    }

    [Fact]
    public void RandomSetsAreReproducibleFromTheSeed()
    {
        var scorer = Scorer();
        Assert.Equal(scorer.RandomSets(50, 3, seed: 7), scorer.RandomSets(50, 3, seed: 7));
    }
}
