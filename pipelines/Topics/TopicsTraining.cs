using System.Text.Json;
using Toolkit.Datasets;
using Toolkit.Datasets.Text;
using Toolkit.Export.Topics;
using Toolkit.Format;
using Toolkit.Pipelines.Options;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training.Topics;

namespace Toolkit.Pipelines.Topics;

public sealed record TopicsResult(string Folder, VaeResult Training, double WallSeconds, IReadOnlyList<string> Models);

/// <summary>
/// The VAE topic model, top to bottom: check the run folder and model target, train on the corpus, write the run folder
/// (records, report, plots, checkpoint) and the ONNX encoder with its card, in the run folder and where asked.
/// </summary>
public static class TopicsTraining
{
    public const string ModelFile = "topics-vae.onnx";

    /// <summary>A new run folder named by the time: runs/topics-vae-TIMESTAMP.</summary>
    public static string NewRunFolder() => Path.Combine("runs", $"topics-vae-{DateTime.UtcNow:yyyyMMdd-HHmmss}");

    /// <summary>The first problem of the training options (naming the command line's option), or null when they can run.</summary>
    public static string? Problem(VaeOptions options) =>
        OptionRules.First(
            OptionRules.Range("--topics", options.Topics, 1, OptionRules.MaxLayerSize),
            OptionRules.Range("--hidden", options.Hidden, 1, OptionRules.MaxLayerSize),
            OptionRules.Positive("--lr", options.LearningRate),
            OptionRules.Range("--batch-size", options.BatchSize, 1, OptionRules.MaxBatch),
            OptionRules.Range("--anneal-steps", options.AnnealSteps, 0, OptionRules.MaxCount),
            OptionRules.Range("--epochs", options.MaxEpochs, 1, OptionRules.MaxCount),
            OptionRules.Range("--patience", options.Patience, 1, OptionRules.MaxCount),
            options.Dropout is >= 0 and < 1 ? null : $"--dropout {options.Dropout}: expected 0 up to (not including) 1",
            OptionRules.Threads("--threads", options.Threads, zeroMeansDefault: true));

    /// <param name="folder">The run folder; null: a new one, runs/topics-vae-TIMESTAMP.</param>
    /// <param name="model">Also write the encoder here, e.g. models/topics-vae.onnx; null: only in the run folder.</param>
    public static TopicsResult Run(TopicCorpus corpus, VaeOptions options, string? folder, string? model, bool force,
        Action<EpochRecord>? onEpoch = null)
    {
        folder ??= NewRunFolder();
        if (!force && File.Exists(Path.Combine(folder, TopicsRun.RunFile)))
            throw new OverwriteException($"{folder} already holds a topic-model run; choose another --out or pass {OutputGuard.ForceOption} to replace it");
        OutputGuard.WritableFolder(folder);
        if (model is not null) OutputGuard.ModelTarget(model, force);

        var started = DateTime.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = VaeTrainer.Train(corpus, options, onEpoch);
        double wall = watch.Elapsed.TotalSeconds;

        var info = new TopicsRunInfo("vae", options.Seed, options, corpus.Text, corpus.VocabularyOptions, corpus.ReferenceName,
            corpus.Vocabulary.Count, corpus.Train.Rows, corpus.Reference.Rows, "20newsgroups-bydate", corpus.DataSha256,
            Packages(), started, wall);
        TopicsRun.Write(folder, info, new TopicsReport(result.MeanNpmi, result.BestEpoch, result.Topics, result.Epochs, wall), corpus.Vocabulary);
        AtomicFile.WriteVia(Path.Combine(folder, TopicsRun.CheckpointFile), p => result.Model.save(p));

        var metadata = Metadata(info, result, corpus);
        var topicWords = result.Topics.Select(t => t.Words).ToArray();
        var targets = model is null ? [Path.Combine(folder, ModelFile)] : new[] { Path.Combine(folder, ModelFile), model };
        foreach (string target in targets)
            EncoderExporter.Export(result.Model, corpus.Vocabulary.Words, topicWords, corpus.Text.StripHeaders, target, metadata);
        result.Model.Dispose();
        return new TopicsResult(folder, result, wall, targets);
    }

    private static Dictionary<string, string> Metadata(TopicsRunInfo info, VaeResult result, TopicCorpus corpus) => new()
    {
        [ModelFormat.Keys.Dataset] = info.Dataset,
        [ModelFormat.Keys.DatasetSha256] = info.DatasetSha256,
        [ModelFormat.Keys.Metrics] = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["mean_npmi"] = Math.Round(result.MeanNpmi, 4), ["reference"] = corpus.ReferenceName.ToString().ToLowerInvariant(),
            ["topic_npmi"] = result.Topics.Select(t => Math.Round(t.Npmi, 4)).ToArray(),
        }),
        [ModelFormat.Keys.Run] = JsonSerializer.Serialize(info, new JsonSerializerOptions(TopicsRun.JsonOptions) { WriteIndented = false }),
    };

    private static Dictionary<string, string> Packages() => new()
    {
        ["TorchSharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        [".NET"] = Environment.Version.ToString(),
    };
}
