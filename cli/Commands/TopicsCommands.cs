using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.Newsgroups;
using Toolkit.Datasets.Text;

namespace Toolkit.Cli.Commands;

public static class TopicsCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("topics", topics =>
        {
            topics.SetDescription("Neural topic model (VAE) on 20 Newsgroups, scored by NPMI; its ONNX encoder; baselines.");
            topics.AddCommand<TopicsTrainCommand>("train")
                .WithDescription("Train the VAE topic model, stop early on NPMI, write the run folder and the ONNX encoder.")
                .WithExample("topics", "train", "--data", "../shared/data", "--topics", "20", "--model", "models/topics-vae.onnx");
            topics.AddCommand<TopicsShowCommand>("show")
                .WithDescription("Show a run's topics with their NPMI, the mean NPMI and its settings.")
                .WithExample("topics", "show", "runs/topics-vae");
            topics.AddCommand<TopicsInferCommand>("infer")
                .WithDescription("A new document's topic mix through ONNX Runtime with an exported encoder.")
                .WithExample("topics", "infer", "models/topics-vae.onnx", "doc.txt");
            topics.AddCommand<TopicsBaselineCommand>("baseline")
                .WithDescription("NPMI floors on the same corpus and metric: random word sets and NMF topics.")
                .WithExample("topics", "baseline", "--data", "../shared/data");
        });
    }
}

/// <summary>Options that decide the text pipeline, the vocabulary and the NPMI reference corpus.</summary>
public class TopicsCorpusSettings : DataSettings
{
    [CommandOption("--vocab <N>")]
    [Description("Vocabulary size: the most frequent words left after stop words and the document-frequency limits. Default 2000.")]
    public int Vocab { get; init; } = 2000;

    [CommandOption("--min-docs <N>")]
    [Description("Drop words found in fewer train documents than this. Default 10.")]
    public int MinDocs { get; init; } = 10;

    [CommandOption("--max-doc-fraction <F>")]
    [Description("Drop words found in more than this fraction of train documents. Default 0.5.")]
    public double MaxDocFraction { get; init; } = 0.5;

    [CommandOption("--keep-headers")]
    [Description("Keep the mail headers (by default they are stripped, all but the subject).")]
    public bool KeepHeaders { get; init; }

    [CommandOption("--reference <SPLIT>")]
    [Description("NPMI reference corpus: test (default), train or all.")]
    public ReferenceCorpus Reference { get; init; } = ReferenceCorpus.Test;

    [CommandOption("--seed <N>")]
    [Description("Random seed. Default 1.")]
    public int Seed { get; init; } = 1;

    public override ValidationResult Validate() =>
        OptionRules.Check(
            OptionRules.Range("--vocab", Vocab, 2, 1_000_000),
            OptionRules.Range("--min-docs", MinDocs, 1, int.MaxValue),
            OptionRules.Fraction("--max-doc-fraction", MaxDocFraction, oneAllowed: true)) ?? base.Validate();

    public TopicCorpus LoadCorpus()
    {
        if (Vocab < 2) throw new ArgumentException("--vocab must be at least 2");
        if (MinDocs < 1) throw new ArgumentException("--min-docs must be at least 1");
        return TopicCorpus.Load(Location.Folder(NewsgroupsReader.FolderName), new TextOptions(!KeepHeaders),
            new VocabularyOptions(Vocab, MinDocs, MaxDocFraction), Reference);
    }
}

/// <summary>The topic table both <c>topics train</c> and <c>topics show</c> print.</summary>
public static class TopicsTable
{
    public static void Print(IEnumerable<TopicSummary> topics, double meanNpmi)
    {
        var table = new Table().AddColumn(new TableColumn("topic").RightAligned()).AddColumn(new TableColumn("NPMI").RightAligned())
            .AddColumn("top words");
        foreach (var t in topics.OrderByDescending(t => t.Npmi))
            table.AddRow(t.Topic.ToString(), t.Npmi.ToString("F3"), Markup.Escape(string.Join(" ", t.Words)));
        if (Console.IsOutputRedirected)
        {
            foreach (var t in topics.OrderByDescending(t => t.Npmi))
                Console.Out.WriteLine($"{t.Topic,5} {t.Npmi,7:F3}  {string.Join(" ", t.Words)}");
        }
        else AnsiConsole.Write(table);
        ConsoleLine.Out($"mean NPMI [bold]{meanNpmi:F4}[/]");
    }
}
