using System.Numerics;

namespace Toolkit.Datasets.Text;

/// <summary>
/// Normalised pointwise mutual information of word sets, from document co-occurrence in a reference corpus:
/// p(w) = documents holding w / N, p(wi, wj) = documents holding both / N, and for a pair
/// NPMI = log(p(wi, wj) / (p(wi) p(wj))) / -log p(wi, wj), which is -1 for a pair that never co-occurs and 1 for
/// a pair found together in every document. A topic scores the mean over all pairs of its top words.
/// </summary>
public sealed class NpmiScorer
{
    private readonly ulong[][] _documentsOf;
    private readonly int[] _documentCount;

    /// <param name="reference">The reference corpus; only whether a word occurs in a document matters.</param>
    public NpmiScorer(BagOfWords reference)
    {
        Documents = reference.Rows;
        int blocks = (Documents + 63) / 64;
        _documentsOf = new ulong[reference.VocabularySize][];
        _documentCount = new int[reference.VocabularySize];
        for (int w = 0; w < _documentsOf.Length; w++) _documentsOf[w] = new ulong[blocks];
        for (int d = 0; d < Documents; d++)
        {
            for (int k = reference.RowStart[d]; k < reference.RowStart[d + 1]; k++)
            {
                int w = reference.Columns[k];
                if (reference.Counts[k] <= 0) continue;
                _documentsOf[w][d >> 6] |= 1UL << (d & 63);
            }
        }
        for (int w = 0; w < _documentsOf.Length; w++)
            _documentCount[w] = _documentsOf[w].Sum(b => BitOperations.PopCount(b));
    }

    public int Documents { get; }
    public int VocabularySize => _documentsOf.Length;

    public int DocumentFrequency(int word) => _documentCount[word];

    public int CoDocumentFrequency(int a, int b)
    {
        ulong[] x = _documentsOf[a], y = _documentsOf[b];
        int count = 0;
        for (int i = 0; i < x.Length; i++) count += BitOperations.PopCount(x[i] & y[i]);
        return count;
    }

    public double Pair(int a, int b)
    {
        int joint = CoDocumentFrequency(a, b);
        if (joint == 0) return -1;
        if (joint == Documents) return 1;
        double n = Documents;
        double pJoint = joint / n;
        double pmi = Math.Log(pJoint / (_documentCount[a] / n * (_documentCount[b] / n)));
        return pmi / -Math.Log(pJoint);
    }

    /// <summary>The mean NPMI over all pairs of the given words (a topic's top words).</summary>
    public double Topic(IReadOnlyList<int> words)
    {
        if (words.Count < 2) throw new ArgumentException("NPMI needs at least two words");
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < words.Count; i++)
            for (int j = i + 1; j < words.Count; j++)
            {
                sum += Pair(words[i], words[j]);
                pairs++;
            }
        return sum / pairs;
    }

    /// <summary>The floor: mean NPMI of <paramref name="sets"/> random sets of distinct vocabulary words.</summary>
    public double RandomSets(int sets, int wordsPerSet, int seed)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, VocabularySize).ToArray();
        double sum = 0;
        for (int s = 0; s < sets; s++)
        {
            for (int i = 0; i < wordsPerSet; i++)
            {
                int j = random.Next(i, pool.Length);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            sum += Topic(pool[..wordsPerSet]);
        }
        return sum / sets;
    }
}

/// <summary>Ranking helpers for topic-word weights.</summary>
public static class TopWords
{
    /// <summary>The indices of the <paramref name="count"/> largest weights, largest first (ties: lower index).</summary>
    public static int[] Of(ReadOnlySpan<float> weights, int count)
    {
        var order = Enumerable.Range(0, weights.Length).ToArray();
        var keys = weights.ToArray();
        return order.OrderByDescending(i => keys[i]).ThenBy(i => i).Take(count).ToArray();
    }
}
