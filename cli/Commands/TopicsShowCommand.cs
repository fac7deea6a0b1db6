using Toolkit.Training.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>Prints a topic-model run's topics, mean NPMI and settings from its run folder.</summary>
public sealed class TopicsShowCommand : Command<TopicsShowCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "<RUN>"), Description("The run folder (holding report.json and run.json).")]
        public string Run { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (info, report) = TopicsRun.Read(settings.Run);
        if (settings.Json)
        {
            Json.Print(new { run = info, report });
            return 0;
        }
        TopicsTable.Print(report.Topics, report.MeanNpmi);
        var o = info.Options;
        ConsoleLine.Out($"best epoch {report.BestEpoch} of {report.Epochs.Count}; wall time {report.WallSeconds:F1} s; " +
                        $"reference {info.Reference.ToString().ToLowerInvariant()} ({info.ReferenceDocuments:N0} documents)");
        ConsoleLine.Out($"{o.Topics} topics, hidden {o.Hidden}, lr {o.LearningRate}, batch {o.BatchSize}, anneal {o.AnnealSteps} steps, " +
                        $"patience {o.Patience}, decoder batch norm {o.DecoderBatchNorm}, encoder batch norm {o.EncoderBatchNorm}, dropout {o.Dropout}, selected on {o.SelectOn.ToString().ToLowerInvariant()}, seed {info.Seed}, " +
                        $"vocabulary {info.VocabularySize}");
        return 0;
    }
}
