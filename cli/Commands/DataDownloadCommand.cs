using Toolkit.Datasets.Download;

namespace Toolkit.Cli.Commands;

public sealed class DataDownloadCommand : AsyncCommand<DataDownloadCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<NAME>"), Description("Data set to fetch: mnist, cifar10, movielens or 20newsgroups.")]
        public string Name { get; init; } = "";
        [CommandOption("--force"), Description("Fetch again even if the files are already there.")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var source = OfficialSources.Find(settings.Name);
        string root = settings.Location.Root;
        using var client = FileDownloader.CreateClient();
        var downloader = new DatasetDownloader(new FileDownloader(client));

        IReadOnlyList<DownloadResult> results = settings.Json
            ? await downloader.DownloadAsync(source, root, settings.Force, null, cancellationToken)
            : await WithProgressBars(progress => downloader.DownloadAsync(source, root, settings.Force, progress, cancellationToken));

        if (settings.Json) Json.Print(new { name = source.Name, root, files = results });
        else foreach (var result in results) ConsoleLine.Out(Describe(result));
        return 0;
    }

    private static Task<T> WithProgressBars<T>(Func<IProgress<DownloadProgress>, Task<T>> work) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(context => work(new ProgressBars(context)));

    private static string Describe(DownloadResult result)
    {
        string path = Markup.Escape(result.Path);
        return result.Status switch
        {
            ChecksumStatus.Verified => $"{path}: [green]sha256 verified[/] ({result.Sha256})",
            ChecksumStatus.OfficialUnknown =>
                $"{path}: [yellow]no official sha256 known[/]; computed sha256 {result.Sha256}",
            _ => $"{path}: already present (use --force to fetch again)",
        };
    }

    /// <summary>One progress bar per file, updated on the downloading thread.</summary>
    private sealed class ProgressBars(ProgressContext context) : IProgress<DownloadProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];

        public void Report(DownloadProgress value)
        {
            if (!_tasks.TryGetValue(value.File, out var task))
                _tasks[value.File] = task = context.AddTask(Markup.Escape(value.File), maxValue: value.TotalBytes ?? 0);
            if (value.TotalBytes is long total) task.MaxValue = total;
            else task.IsIndeterminate = true;
            task.Value = value.Bytes;
        }
    }
}
