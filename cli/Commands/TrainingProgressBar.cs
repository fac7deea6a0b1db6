using Toolkit.Training;

namespace Toolkit.Cli.Commands;

/// <summary>Shows a trainer's progress as a bar with ETA and prints one line per finished epoch.</summary>
public sealed class TrainingProgressBar(ProgressContext context, string title) : ITrainingProgress
{
    private ProgressTask? task;
    private int batchesPerEpoch;
    private int firstEpoch;

    public void Started(int firstEpoch, int epochs, int batchesPerEpoch)
    {
        this.firstEpoch = firstEpoch;
        this.batchesPerEpoch = batchesPerEpoch;
        task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, (epochs - firstEpoch) * batchesPerEpoch));
        if (firstEpoch > 0) AnsiConsole.MarkupLine($"{Markup.Escape(title)}: resuming after epoch {firstEpoch}");
    }

    public void BatchDone(int epoch, int batch, double loss)
    {
        if (task is null) return;
        task.Value = (epoch - 1 - firstEpoch) * batchesPerEpoch + batch;
        task.Description = Markup.Escape($"{title} epoch {epoch} loss {loss:F3}");
    }

    public void EpochDone(EpochMetrics m)
    {
        AnsiConsole.MarkupLine(Markup.Escape(
            $"{title} epoch {m.Epoch,3}  lr {m.LearningRate:G3}  train loss {m.TrainLoss:F4} acc {m.TrainAccuracy:F4}  " +
            $"val loss {m.ValidationLoss:F4} acc {m.ValidationAccuracy:F4}  {m.Seconds:F0}s"));
    }

    /// <summary>
    /// Runs work that asks for one progress per trained model (by title) under a display with a bar, percentage,
    /// elapsed and remaining time; when <paramref name="quiet"/> (--json), without one.
    /// </summary>
    public static T Show<T>(bool quiet, Func<Func<string, ITrainingProgress>, T> work) =>
        quiet
            ? work(_ => SilentProgress.Instance)
            : AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                    new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context => work(title => new TrainingProgressBar(context, title)));
}
