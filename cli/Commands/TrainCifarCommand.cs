using Toolkit.Datasets.Cifar;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
using Toolkit.Training.Search;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit train cifar10</c>: one run or a search, in a run folder, then the best model's export.</summary>
public sealed class TrainCifarCommand : Command<TrainCifarSettings>
{
    public override int Execute(CommandContext context, TrainCifarSettings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        string command = "toolkit " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
        var (baseSpec, plan, folder) = Prepare(settings);
        var location = settings.Location;
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(folder)}[/]; data from {Markup.Escape(location.Root)}");
        using var data = CifarData.Load(location.Folder(CifarReader.FolderName), baseSpec.Subset);

        string bestFolder;
        object result;
        if (plan is null)
        {
            var record = Show(settings, ctx => CifarRun.Train(baseSpec, data, folder, command, Progress(ctx, Arch(baseSpec))));
            (bestFolder, result) = (folder, record);
            if (!settings.Json) TrainingReport.PrintRun(record);
        }
        else
        {
            var search = Show(settings, ctx => CifarSearch.Run(baseSpec, plan, data, folder, command,
                trial => Progress(ctx, $"{trial.Name} {trial.Label}")));
            var best = search.Best ?? throw new InvalidOperationException("no trial finished");
            (bestFolder, result) = (Path.Combine(folder, best.Name), search);
            if (!settings.Json) TrainingReport.PrintSearch(search, folder);
        }

        var export = settings.NoExport ? null
            : CifarModelExport.Export(bestFolder, Path.Combine(settings.Models, $"{settings.Name ?? "cifar10-" + Arch(baseSpec)}.onnx"), location);
        if (settings.Json) Json.Print(new { folder, best = bestFolder, result, export });
        else if (export is not null) TrainingReport.PrintExport(export);
        return 0;
    }

    private static (CifarRunSpec BaseSpec, SearchRecord? Plan, string Folder) Prepare(TrainCifarSettings settings)
    {
        if (settings.Resume is string resume)
        {
            if (CifarSearch.IsSearchFolder(resume))
            {
                var (spec, plan) = CifarSearch.ReadPlan(resume);
                return (spec, plan, resume);
            }
            string recordPath = Path.Combine(resume, RunRecord<CifarRunSpec>.FileName);
            if (!File.Exists(recordPath)) throw new FileNotFoundException($"--resume {resume}: no run.json or search.json there");
            return (RunJson.Read<RunRecord<CifarRunSpec>>(recordPath).Spec, null, resume);
        }

        var baseSpec = settings.BaseSpec();
        var specs = settings.ParameterSpecs();
        string folder = settings.Out ?? Path.Combine("runs", $"cifar10-{Arch(baseSpec)}-{DateTime.Now:yyyyMMdd-HHmmss}");
        if (settings.Search == SearchKind.None)
        {
            var single = TrialPlanner.Plan(specs, SearchKind.None, 1, baseSpec.Training.Seed)[0];
            return (CifarSearch.Apply(baseSpec, single.Values), null, folder);
        }
        return (baseSpec, CifarSearch.Plan(specs, settings.Search, settings.Trials, baseSpec.Training.Seed), folder);
    }

    private static string Arch(CifarRunSpec spec) => spec.Net.Arch.ToString().ToLowerInvariant();

    private static T Show<T>(TrainCifarSettings settings, Func<ProgressContext?, T> work) =>
        settings.Json ? work(null) : TrainingProgressBar.Show(ctx => work(ctx));

    private static ITrainingProgress Progress(ProgressContext? context, string title) =>
        context is null ? SilentProgress.Instance : new TrainingProgressBar(context, title);
}
