using System.Text.Json;
using System.Text.Json.Serialization;
using Toolkit.Datasets;
using Toolkit.Datasets.Io;
using Toolkit.Datasets.Text;

namespace Toolkit.Training.Topics;

/// <summary>What makes a topic-model run reproducible: seed, every setting, the data's checksum, the time it took.</summary>
public sealed record TopicsRunInfo(
    string Model, int Seed, VaeOptions Options, TextOptions Text, VocabularyOptions Vocabulary, ReferenceCorpus Reference,
    int VocabularySize, int TrainDocuments, int ReferenceDocuments, string Dataset, string DatasetSha256,
    IReadOnlyDictionary<string, string> Packages, DateTime StartedUtc, double WallSeconds);

/// <summary>The result of a run: its topics with NPMI, the mean, and the curve per epoch.</summary>
public sealed record TopicsReport(
    double MeanNpmi, int BestEpoch, IReadOnlyList<TopicSummary> Topics, IReadOnlyList<EpochRecord> Epochs, double WallSeconds);

/// <summary>Reads and writes a run folder: run.json, report.json, report.md, vocabulary.json, the plots.</summary>
public static class TopicsRun
{
    public const string RunFile = "run.json";
    public const string ReportFile = "report.json";
    public const string MarkdownFile = "report.md";
    public const string VocabularyFile = "vocabulary.json";
    public const string CheckpointFile = "model.pt";
    public const string NpmiPlotFile = "npmi-per-epoch.png";
    public const string LossPlotFile = "loss.png";

    /// <summary>Run records share the training runs' JSON form.</summary>
    public static JsonSerializerOptions JsonOptions => RunJson.Options;

    public static void Write(string folder, TopicsRunInfo info, TopicsReport report, Vocabulary vocabulary)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, RunFile), JsonSerializer.Serialize(info, JsonOptions));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportFile), JsonSerializer.Serialize(report, JsonOptions));
        AtomicFile.WriteAllText(Path.Combine(folder, VocabularyFile), JsonSerializer.Serialize(vocabulary.Words, JsonOptions));
        AtomicFile.WriteAllText(Path.Combine(folder, MarkdownFile), Markdown(info, report));
        if (report.Epochs.Count > 0)
        {
            TopicsPlots.Npmi(report.Epochs, Path.Combine(folder, NpmiPlotFile));
            TopicsPlots.Loss(report.Epochs, Path.Combine(folder, LossPlotFile));
        }
    }

    public static (TopicsRunInfo Info, TopicsReport Report) Read(string folder)
    {
        string reportPath = Path.Combine(folder, ReportFile);
        if (!File.Exists(reportPath)) throw new FileNotFoundException($"{reportPath} not found: is {folder} a topics run folder?");
        var report = JsonSerializer.Deserialize<TopicsReport>(File.ReadAllText(reportPath), JsonOptions)
                     ?? throw new InvalidOperationException($"{reportPath} is empty");
        var info = JsonSerializer.Deserialize<TopicsRunInfo>(File.ReadAllText(Path.Combine(folder, RunFile)), JsonOptions)
                   ?? throw new InvalidOperationException($"{folder}/{RunFile} is empty");
        return (info, report);
    }

    public static string Markdown(TopicsRunInfo info, TopicsReport report)
    {
        var o = info.Options;
        var lines = new List<string>
        {
            $"# Topic model run ({info.Model})",
            "",
            $"Mean NPMI (top {o.TopWords} words, reference corpus: {info.Reference.ToString().ToLowerInvariant()} split, " +
            $"{info.ReferenceDocuments:N0} documents): **{report.MeanNpmi:F4}** at epoch {report.BestEpoch}; wall time {report.WallSeconds:F1} s.",
            "",
            $"Settings: {o.Topics} topics, hidden {o.Hidden}, lr {o.LearningRate}, batch {o.BatchSize}, KL annealing over " +
            $"{o.AnnealSteps} steps, patience {o.Patience}, max epochs {o.MaxEpochs}, decoder batch norm {(o.DecoderBatchNorm ? "on" : "off")}, " +
            $"encoder batch norm {(o.EncoderBatchNorm ? "on" : "off")}, " +
            $"dropout {o.Dropout}, best epoch chosen on the {(o.SelectOn == SelectionCorpus.Train ? "train split's" : "reference corpus's")} NPMI, " +
            $"seed {info.Seed}; vocabulary {info.VocabularySize} words (min {info.Vocabulary.MinDocuments} documents, " +
            $"max {info.Vocabulary.MaxDocumentFraction:P0} of documents), headers {(info.Text.StripHeaders ? "stripped (subject kept)" : "kept")}.",
            "",
            "| topic | NPMI | top words |",
            "| ---: | ---: | --- |",
        };
        lines.AddRange(report.Topics.OrderByDescending(t => t.Npmi)
            .Select(t => $"| {t.Topic} | {t.Npmi:F3} | {string.Join(" ", t.Words)} |"));
        return string.Join('\n', lines) + "\n";
    }
}
