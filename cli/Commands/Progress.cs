using Toolkit.Pipelines.Outputs;

namespace Toolkit.Cli.Commands;

/// <summary>A Spectre.Console progress bar with ETA around one piece of long work.</summary>
public sealed class ProgressBar : IProgressDisplay
{
    /// <summary>A progress bar, or none when <paramref name="quiet"/> (e.g. --json output).</summary>
    public static IProgressDisplay Unless(bool quiet) => quiet ? NoProgressDisplay.Instance : new ProgressBar();

    public T Run<T>(string description, int total, Func<IProgress<int>, T> work)
    {
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                result = work(new Reporter(done => task.Value = done));
                task.Value = total;
            });
        return result;
    }

    /// <summary>Reports on the calling thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Reporter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
