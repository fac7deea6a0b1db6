using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Pipelines.Cifar;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Search;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit train cifar10</c>: one run or a search, in a run folder, then the best model's export.</summary>
public sealed class TrainCifarCommand : Command<TrainCifarSettings>
{
    public override int Execute(CommandContext context, TrainCifarSettings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var plan = settings.Resume is string resume ? CifarTraining.Resume(resume) : NewPlan(settings);
        AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(plan.Folder)}[/]; data from {Markup.Escape(settings.Location.Root)}");
        var result = Show(settings, ctx => CifarTraining.Run(plan, settings.Location, CommandLine.Echo(), settings.Force,
            title => ctx is null ? SilentProgress.Instance : new TrainingProgressBar(ctx, title)));

        if (settings.Json) Json.Print(result);
        else
        {
            if (result.Run is not null) TrainingReport.PrintRun(result.Run);
            if (result.Search is not null) TrainingReport.PrintSearch(result.Search, result.Folder);
            if (result.Export is not null) TrainingReport.PrintExport(result.Export);
        }
        return 0;
    }

    private static CifarTrainingPlan NewPlan(TrainCifarSettings settings)
    {
        var baseSpec = settings.BaseSpec();
        var specs = settings.ParameterSpecs();
        string arch = baseSpec.Net.Arch.ToString().ToLowerInvariant();
        string folder = settings.Out ?? Path.Combine("runs", $"cifar10-{arch}-{DateTime.Now:yyyyMMdd-HHmmss}");
        var search = settings.Search == SearchKind.None ? null : CifarSearch.Plan(specs, settings.Search, settings.Trials, baseSpec.Training.Seed);
        if (search is null) baseSpec = CifarSearch.Apply(baseSpec, TrialPlanner.Plan(specs, SearchKind.None, 1, baseSpec.Training.Seed)[0].Values);
        return CifarTraining.New(baseSpec, search, folder, settings.Models, settings.Name, settings.NoExport);
    }

    private static T Show<T>(TrainCifarSettings settings, Func<ProgressContext?, T> work) =>
        settings.Json ? work(null) : TrainingProgressBar.Show(ctx => work(ctx));
}
