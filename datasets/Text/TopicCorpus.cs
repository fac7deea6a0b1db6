using System.Security.Cryptography;
using System.Text;
using Toolkit.Datasets.Newsgroups;

namespace Toolkit.Datasets.Text;

/// <summary>Which documents NPMI counts co-occurrence in.</summary>
public enum ReferenceCorpus { Test, Train, All }

/// <summary>
/// 20 Newsgroups ready for topic models: a vocabulary built on the train split, the train split as sparse bags
/// of words, and the NPMI reference corpus (the test split by default) counted over the same vocabulary.
/// </summary>
public sealed record TopicCorpus(
    Vocabulary Vocabulary, BagOfWords Train, BagOfWords Reference, ReferenceCorpus ReferenceName,
    TextOptions Text, VocabularyOptions VocabularyOptions, string DataSha256)
{
    public static TopicCorpus Load(string folder, TextOptions text, VocabularyOptions vocabulary, ReferenceCorpus reference)
    {
        var trainDocuments = NewsgroupsReader.ReadSplit(folder, train: true);
        var testDocuments = NewsgroupsReader.ReadSplit(folder, train: false);
        var trainTokens = Tokenize(trainDocuments, text);
        var testTokens = Tokenize(testDocuments, text);
        var words = Vocabulary.Build(trainTokens, vocabulary, StopWords.Default);
        var referenceTokens = reference switch
        {
            ReferenceCorpus.Test => testTokens,
            ReferenceCorpus.Train => trainTokens,
            _ => trainTokens.Concat(testTokens).ToList(),
        };
        return new TopicCorpus(words, BagOfWords.Build(trainTokens, words), BagOfWords.Build(referenceTokens, words),
            reference, text, vocabulary, ContentSha256(trainDocuments.Concat(testDocuments)));
    }

    private static List<IReadOnlyList<string>> Tokenize(IReadOnlyList<NewsgroupsDocument> documents, TextOptions text)
    {
        var tokens = new IReadOnlyList<string>[documents.Count];
        Parallel.For(0, documents.Count, i => tokens[i] = text.Tokens(documents[i].Text));
        return tokens.ToList();
    }

    /// <summary>sha256 over every post's group, number and text, the same whether read from the archive or a folder.</summary>
    private static string ContentSha256(IEnumerable<NewsgroupsDocument> documents)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in documents)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{d.Group}/{d.Id}\n"));
            hash.AppendData(Encoding.Latin1.GetBytes(d.Text));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
