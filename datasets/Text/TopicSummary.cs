namespace Toolkit.Datasets.Text;

/// <summary>One topic: its top words, strongest first, and their NPMI on the reference corpus.</summary>
public sealed record TopicSummary(int Topic, IReadOnlyList<string> Words, double Npmi)
{
    /// <summary>
    /// Ranks each topic's words by weight (<paramref name="weights"/>[topic][word]) and scores the top
    /// <paramref name="topWords"/> of each with <paramref name="scorer"/>.
    /// </summary>
    public static TopicSummary[] Score(IReadOnlyList<float[]> weights, Vocabulary vocabulary, NpmiScorer scorer, int topWords = 10) =>
        weights.Select((w, t) =>
        {
            int[] top = TopWords.Of(w, topWords);
            return new TopicSummary(t, top.Select(i => vocabulary.Words[i]).ToArray(), scorer.Topic(top));
        }).ToArray();

    public static double Mean(IReadOnlyList<TopicSummary> topics) => topics.Average(t => t.Npmi);
}
