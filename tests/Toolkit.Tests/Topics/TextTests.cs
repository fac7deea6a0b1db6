using Toolkit.Datasets.Text;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Topics;

public sealed class TextTests : TempFolderTest
{
    [Fact]
    public void TokensAreLowerCaseAlphabeticAndAtLeastThreeLetters()
    {
        var tokens = Tokenizer.Tokenize("Hello WORLD, it's an OK 3D test-case; x86 abc123 mp3 Apple.");
        Assert.Equal(["hello", "world", "test", "case", "apple"], tokens);
    }

    [Fact]
    public void Latin1LettersAreLetters()
    {
        Assert.Equal(["café", "naïve", "über"], Tokenizer.Tokenize("Café naïve ÜBER ±5°"));
    }

    [Fact]
    public void FilesAreReadAsLatin1()
    {
        string path = Temp.Write("post.txt", [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', 0xFC, (byte)'b', (byte)'e', (byte)'r']);
        string text = MailText.ReadFile(path);
        Assert.Equal("café über", text);
        Assert.Equal(["café", "über"], Tokenizer.Tokenize(text));
    }

    private const string Post = """
        From: someone@cs.example.edu (Some One)
        Subject: Re: Shuttle launch schedule
        Organization: Example University
        Lines: 3

        The next launch slips a week.
        From: this line is part of the body
        """;

    [Fact]
    public void HeaderStrippingKeepsTheSubjectAndTheBody()
    {
        var tokens = new TextOptions(StripHeaders: true).Tokens(Post);
        Assert.Equal(["shuttle", "launch", "schedule", "the", "next", "launch", "slips", "week", "from", "this", "line",
            "part", "the", "body"], tokens);
        Assert.DoesNotContain("organization", tokens);
        Assert.DoesNotContain("someone", tokens);
    }

    [Fact]
    public void HeadersCanBeKept()
    {
        var tokens = new TextOptions(StripHeaders: false).Tokens(Post);
        Assert.Contains("organization", tokens);
        Assert.Contains("someone", tokens);
    }

    [Fact]
    public void TextWithoutHeadersIsLeftAsItIs()
    {
        Assert.Equal("Just a note.\n\nSecond paragraph.", MailText.StripHeaders("Just a note.\r\n\r\nSecond paragraph."));
    }

    [Fact]
    public void VocabularyDropsStopWordsRareAndCommonWords()
    {
        IReadOnlyList<string>[] documents =
        [
            ["the", "orbit", "rocket", "every"], ["the", "orbit", "rocket", "every"], ["the", "orbit", "moon", "every"],
            ["the", "apple", "banana", "every"], ["the", "apple", "rare", "every"],
        ];
        var vocabulary = Vocabulary.Build(documents, new VocabularyOptions(Size: 10, MinDocuments: 2, MaxDocumentFraction: 0.7),
            StopWords.Default);
        // "the" is a stop word; "every" is in all 5 documents (> 70%); "moon", "banana", "rare" are in one.
        Assert.Equal(["orbit", "apple", "rocket"], vocabulary.Words);
    }

    [Fact]
    public void VocabularyKeepsTheWordsInMostDocuments()
    {
        IReadOnlyList<string>[] documents = [["alpha", "beta"], ["alpha", "gamma", "gamma", "gamma"], ["alpha", "beta"]];
        var vocabulary = Vocabulary.Build(documents, new VocabularyOptions(2, 1, 1.0), new HashSet<string>());
        Assert.Equal(["alpha", "beta"], vocabulary.Words);
    }

    [Fact]
    public void BagOfWordsCountsKnownWordsAndMakesDenseRows()
    {
        var vocabulary = new Vocabulary(["orbit", "rocket", "moon"]);
        var bag = BagOfWords.Build([["rocket", "orbit", "rocket", "unknown"], [], ["moon"]], vocabulary);
        Assert.Equal(3, bag.Rows);
        Assert.Equal([1f, 2f, 0f], bag.DenseRow(0));
        Assert.Equal([0f, 0f, 0f], bag.DenseRow(1));
        Assert.Equal([0, 2], bag.NonEmptyRows());

        var dense = new float[6];
        bag.FillDense([2, 0], dense);
        Assert.Equal([0f, 0f, 1f, 1f, 2f, 0f], dense);
    }

    [Fact]
    public void StopWordsCoverMailBoilerplate()
    {
        foreach (string word in new[] { "writes", "article", "com", "edu", "the", "don" })
            Assert.Contains(word, StopWords.Default);
    }
}
