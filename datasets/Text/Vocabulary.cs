namespace Toolkit.Datasets.Text;

/// <summary>Limits on which words enter a vocabulary.</summary>
/// <param name="Size">Keep at most this many words, those in the most documents first.</param>
/// <param name="MinDocuments">Drop words found in fewer documents than this.</param>
/// <param name="MaxDocumentFraction">Drop words found in more than this fraction of the documents.</param>
public sealed record VocabularyOptions(int Size = 2000, int MinDocuments = 10, double MaxDocumentFraction = 0.5);

/// <summary>The words a topic model knows, index = column of the bag-of-words matrix.</summary>
public sealed class Vocabulary
{
    private readonly Dictionary<string, int> _index;

    public Vocabulary(IReadOnlyList<string> words)
    {
        Words = words;
        _index = new Dictionary<string, int>(words.Count, StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
            if (!_index.TryAdd(words[i], i)) throw new ArgumentException($"word '{words[i]}' is in the vocabulary twice");
    }

    public IReadOnlyList<string> Words { get; }
    public int Count => Words.Count;

    public int IndexOf(string word) => _index.TryGetValue(word, out int i) ? i : -1;

    /// <summary>
    /// The most frequent words that are not stop words and whose document frequency lies within the options'
    /// limits. Frequency is counted in documents (ties: total count, then the word), so that a token repeated
    /// thousands of times in a few posts (uuencoded files, tables) does not crowd out content words.
    /// </summary>
    public static Vocabulary Build(IReadOnlyList<IReadOnlyList<string>> documents, VocabularyOptions options,
        IReadOnlySet<string> stopWords)
    {
        if (options.Size < 1) throw new ArgumentException("the vocabulary size must be at least 1");
        if (options.MaxDocumentFraction is <= 0 or > 1)
            throw new ArgumentException("the maximum document fraction must be in (0, 1]");
        var counts = new Dictionary<string, (long Total, int Documents)>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var group in document.GroupBy(t => t, StringComparer.Ordinal))
            {
                counts.TryGetValue(group.Key, out var c);
                counts[group.Key] = (c.Total + group.Count(), c.Documents + 1);
            }
        }
        double maxDocuments = options.MaxDocumentFraction * documents.Count;
        var words = counts
            .Where(kv => !stopWords.Contains(kv.Key) && kv.Value.Documents >= options.MinDocuments
                         && kv.Value.Documents <= maxDocuments)
            .OrderByDescending(kv => kv.Value.Documents).ThenByDescending(kv => kv.Value.Total)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(options.Size).Select(kv => kv.Key).ToList();
        if (words.Count == 0) throw new InvalidOperationException("no word passes the vocabulary limits");
        return new Vocabulary(words);
    }
}
