using Toolkit.Datasets.Text;

namespace Toolkit.Tests.Topics;

/// <summary>A tiny corpus of 40 documents, each 12 words of one of two themes (fruit, space), eight words in all.</summary>
public static class TwoThemeCorpus
{
    public static TopicCorpus Create()
    {
        var documents = new List<IReadOnlyList<string>>();
        var random = new Random(5);
        string[][] themes = [["apple", "banana", "cherry", "grape"], ["rocket", "orbit", "launch", "moon"]];
        for (int d = 0; d < 40; d++)
            documents.Add(Enumerable.Range(0, 12).Select(_ => themes[d % 2][random.Next(4)]).ToList());
        var vocabulary = Vocabulary.Build(documents, new VocabularyOptions(8, 1, 1.0), new HashSet<string>());
        var bag = BagOfWords.Build(documents, vocabulary);
        return new TopicCorpus(vocabulary, bag, bag, ReferenceCorpus.Train, new TextOptions(StripHeaders: false), new VocabularyOptions(), "test");
    }
}
