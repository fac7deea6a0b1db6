using Toolkit.Datasets;
using Toolkit.Datasets.Cifar;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Runs;
using Toolkit.Training.Search;

namespace Toolkit.Pipelines.Cifar;

/// <summary>What to train: one run or a search in a folder, and where its best model goes.</summary>
public sealed record CifarTrainingPlan(CifarRunSpec BaseSpec, SearchRecord? Search, string Folder, ExportTarget Export, bool Resumed)
{
    public string Arch => BaseSpec.Net.Arch.ToString().ToLowerInvariant();
}

public sealed record CifarTrainingResult(string Folder, string BestFolder, RunRecord<CifarRunSpec>? Run, SearchRecord? Search, ExportResult? Export);

/// <summary>
/// CIFAR-10 training, top to bottom: check the run folder and export target, load the data, train the run or every
/// trial of the search, then export the best model (graph measured through ONNX Runtime, card, gradient graph).
/// </summary>
public static class CifarTraining
{
    /// <summary>A new run (or search when <paramref name="search"/> is given) in <paramref name="folder"/>.</summary>
    public static CifarTrainingPlan New(CifarRunSpec baseSpec, SearchRecord? search, string folder, string? modelsFolder, string? name, bool noExport)
    {
        string arch = baseSpec.Net.Arch.ToString().ToLowerInvariant();
        return new CifarTrainingPlan(baseSpec, search, folder, ExportTarget.For(folder, modelsFolder, name ?? $"cifar10-{arch}", noExport), Resumed: false);
    }

    /// <summary>An interrupted (or finished) run or search, with the options and export target it was started with.</summary>
    public static CifarTrainingPlan Resume(string folder)
    {
        var export = ExportTarget.Read(folder);
        if (CifarSearch.IsSearchFolder(folder))
        {
            var (spec, plan) = CifarSearch.ReadPlan(folder);
            return new CifarTrainingPlan(spec, plan, folder, export ?? new ExportTarget(null), Resumed: true);
        }
        string recordPath = Path.Combine(folder, RunRecord<CifarRunSpec>.FileName);
        if (!File.Exists(recordPath)) throw new FileNotFoundException($"--resume {folder}: no run.json or search.json there");
        var record = RunJson.Read<RunRecord<CifarRunSpec>>(recordPath);
        return new CifarTrainingPlan(record.Spec, null, folder, export ?? new ExportTarget(null), Resumed: true);
    }

    public static CifarTrainingResult Run(CifarTrainingPlan plan, DataLocation location, string command, bool force,
        Func<string, ITrainingProgress> progressFor)
    {
        if (!plan.Resumed) RunFolderGuard.Check(plan.Folder, [RunRecord<CifarRunSpec>.FileName, SearchRecord.FileName],
            () => SameConfiguration(plan), $"continue it with --resume {plan.Folder}", force);
        bool export = plan.Export.ModelPath is not null && !plan.Export.Written;
        if (export) OutputGuard.ModelTarget(plan.Export.ModelPath!, force);
        Directory.CreateDirectory(plan.Folder);
        plan.Export.Save(plan.Folder);

        using var data = CifarData.Load(location.Folder(CifarReader.FolderName), plan.BaseSpec.Subset);
        var (bestFolder, run, search) = Train(plan, data, command, progressFor);
        if (!export) return new CifarTrainingResult(plan.Folder, bestFolder, run, search, null);

        var exported = CifarExport.Export(bestFolder, plan.Export.ModelPath!, location);
        (plan.Export with { Written = true }).Save(plan.Folder);
        return new CifarTrainingResult(plan.Folder, bestFolder, run, search, exported);
    }

    private static (string BestFolder, RunRecord<CifarRunSpec>? Run, SearchRecord? Search) Train(CifarTrainingPlan plan, CifarData data,
        string command, Func<string, ITrainingProgress> progressFor)
    {
        if (plan.Search is null)
            return (plan.Folder, CifarRun.Train(plan.BaseSpec, data, plan.Folder, command, progressFor(plan.Arch)), null);

        var search = CifarSearch.Run(plan.BaseSpec, plan.Search, data, plan.Folder, command, trial => progressFor($"{trial.Name} {trial.Label}"));
        var best = search.Best ?? throw new InvalidOperationException("no trial finished");
        return (Path.Combine(plan.Folder, best.Name), null, search);
    }

    private static bool SameConfiguration(CifarTrainingPlan plan)
    {
        if (plan.Search is not null)
        {
            if (!CifarSearch.IsSearchFolder(plan.Folder)) return false;
            var (spec, search) = CifarSearch.ReadPlan(plan.Folder);
            return RunJson.Serialize(spec) == RunJson.Serialize(plan.BaseSpec)
                && RunJson.Serialize(search.Trials.Select(t => t.Values)) == RunJson.Serialize(plan.Search.Trials.Select(t => t.Values));
        }
        string recordPath = Path.Combine(plan.Folder, RunRecord<CifarRunSpec>.FileName);
        return File.Exists(recordPath) && RunJson.Serialize(RunJson.Read<RunRecord<CifarRunSpec>>(recordPath).Spec) == RunJson.Serialize(plan.BaseSpec);
    }
}
