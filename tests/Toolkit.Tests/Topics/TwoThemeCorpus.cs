using Toolkit.Datasets.Text;

namespace Toolkit.Tests.Topics;

/// <summary>
/// A tiny corpus of 40 documents, each 12 words of one of two themes (fruit, space), <paramref name="wordsPerTheme"/>
/// (at most 6) words each: eight words in all by default.
/// </summary>
public static class TwoThemeCorpus
{
    public static TopicCorpus Create(int wordsPerTheme = 4)
    {
        var documents = new List<IReadOnlyList<string>>();
        var random = new Random(5);
        string[][] themes = [["apple", "banana", "cherry", "grape", "lemon", "mango"], ["rocket", "orbit", "launch", "moon", "comet", "planet"]];
        for (int d = 0; d < 40; d++)
            documents.Add(Enumerable.Range(0, 12).Select(_ => themes[d % 2][random.Next(wordsPerTheme)]).ToList());
        var vocabulary = Vocabulary.Build(documents, new VocabularyOptions(2 * wordsPerTheme, 1, 1.0), new HashSet<string>());
        var bag = BagOfWords.Build(documents, vocabulary);
        return new TopicCorpus(vocabulary, bag, bag, ReferenceCorpus.Train, new TextOptions(StripHeaders: false), new VocabularyOptions(), "test");
    }
}
