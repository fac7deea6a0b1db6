using Toolkit.Datasets.Text;
using Toolkit.Pipelines.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>Options that decide the text pipeline, the vocabulary and the NPMI reference corpus.</summary>
public class TopicsCorpusSettings : DataSettings
{
    [CommandOption("--vocab <N>"), Description("Vocabulary size: the most frequent words left after stop words and the document-frequency limits. Default 2000.")]
    public int Vocab { get; init; } = 2000;
    [CommandOption("--min-docs <N>"), Description("Drop words found in fewer train documents than this. Default 10.")]
    public int MinDocs { get; init; } = 10;
    [CommandOption("--max-doc-fraction <F>"), Description("Drop words found in more than this fraction of train documents. Default 0.5.")]
    public double MaxDocFraction { get; init; } = 0.5;
    [CommandOption("--keep-headers"), Description("Keep the mail headers (by default they are stripped, all but the subject).")]
    public bool KeepHeaders { get; init; }
    [CommandOption("--reference <SPLIT>"), Description("NPMI reference corpus: test (default), train or all.")]
    public ReferenceCorpus Reference { get; init; } = ReferenceCorpus.Test;
    [CommandOption("--seed <N>"), Description("Random seed. Default 1.")]
    public int Seed { get; init; } = 1;

    public override ValidationResult Validate() => Validation.Check(Corpus.Problem()) ?? base.Validate();

    public CorpusOptions Corpus => new() { Vocab = Vocab, MinDocs = MinDocs, MaxDocFraction = MaxDocFraction, KeepHeaders = KeepHeaders, Reference = Reference };
}

/// <summary>The topic tables of <c>topics train</c>, <c>show</c>, <c>baseline</c> and <c>infer</c>: plain aligned lines when output is redirected.</summary>
public static class TopicsTable
{
    public static void Print(IEnumerable<TopicSummary> topics, double meanNpmi)
    {
        Print("NPMI", topics.OrderByDescending(t => t.Npmi).Select(t => (t.Topic, t.Npmi.ToString("F3"), t.Words)));
        ConsoleLine.Out($"mean NPMI [bold]{meanNpmi:F4}[/]");
    }

    /// <summary>One row per topic: its number, a value and its top words.</summary>
    public static void Print(string valueColumn, IEnumerable<(int Topic, string Value, IReadOnlyList<string> Words)> rows)
    {
        if (Console.IsOutputRedirected)
        {
            foreach (var (topic, value, words) in rows) Console.Out.WriteLine($"{topic,5} {value,7}  {string.Join(" ", words)}");
            return;
        }
        var table = new Table().AddColumn(new TableColumn("topic").RightAligned()).AddColumn(new TableColumn(valueColumn).RightAligned()).AddColumn("top words");
        foreach (var (topic, value, words) in rows) table.AddRow(topic.ToString(), value, Markup.Escape(string.Join(" ", words)));
        AnsiConsole.Write(table);
    }
}
