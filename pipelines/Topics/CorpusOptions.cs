using Toolkit.Datasets;
using Toolkit.Datasets.Newsgroups;
using Toolkit.Datasets.Text;
using Toolkit.Pipelines.Options;

namespace Toolkit.Pipelines.Topics;

/// <summary>
/// The text pipeline, the vocabulary and the NPMI reference corpus a topic workflow reads 20 Newsgroups with, each
/// value named as on the command line.
/// </summary>
public sealed record CorpusOptions
{
    public int Vocab { get; init; } = 2000;
    public int MinDocs { get; init; } = 10;
    public double MaxDocFraction { get; init; } = 0.5;
    public bool KeepHeaders { get; init; }
    public ReferenceCorpus Reference { get; init; } = ReferenceCorpus.Test;

    /// <summary>The first problem of these options (naming the option), or null when they can run.</summary>
    public string? Problem() =>
        OptionRules.First(
            OptionRules.Range("--vocab", Vocab, 2, 1_000_000),
            OptionRules.Range("--min-docs", MinDocs, 1, int.MaxValue),
            OptionRules.Fraction("--max-doc-fraction", MaxDocFraction, oneAllowed: true));

    public TopicCorpus Load(DataLocation location) =>
        TopicCorpus.Load(location.Folder(NewsgroupsReader.FolderName), new TextOptions(!KeepHeaders), new VocabularyOptions(Vocab, MinDocs, MaxDocFraction), Reference);
}
