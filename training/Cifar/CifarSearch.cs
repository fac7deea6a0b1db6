using Toolkit.Training.Plots;
using Toolkit.Training.Runs;
using Toolkit.Training.Search;

namespace Toolkit.Training.Cifar;

/// <summary>Runs the trials of a search, each in its own subfolder, and keeps search.json and the plot of all trials current.</summary>
public static class CifarSearch
{
    public const string BaseSpecFileName = "base-spec.json";

    public static bool IsSearchFolder(string folder) => File.Exists(Path.Combine(folder, SearchRecord.FileName));

    /// <summary>The base spec and plan of an interrupted search, to run again.</summary>
    public static (CifarRunSpec BaseSpec, SearchRecord Plan) ReadPlan(string folder) => (
        RunJson.Read<CifarRunSpec>(Path.Combine(folder, BaseSpecFileName)),
        RunJson.Read<SearchRecord>(Path.Combine(folder, SearchRecord.FileName)));

    public static SearchRecord Run(CifarRunSpec baseSpec, SearchRecord plan, CifarData data, string folder, string command,
        Func<TrialRecord, ITrainingProgress> progressFor)
    {
        Directory.CreateDirectory(folder);
        RunJson.Write(Path.Combine(folder, SearchRecord.FileName), plan);
        RunJson.Write(Path.Combine(folder, BaseSpecFileName), baseSpec);
        var trials = plan.Trials.ToList();
        var curves = new List<AccuracyCurves.Series>();
        for (int i = 0; i < trials.Count; i++)
        {
            var trial = trials[i];
            var spec = Apply(baseSpec, trial.Values);
            var record = CifarRun.Train(spec, data, Path.Combine(folder, trial.Name), command, progressFor(trial));
            trials[i] = trial with { Finished = true, Final = record.Final };
            curves.Add(new AccuracyCurves.Series(trial.Label, record.Epochs));
            Save(folder, plan with { Trials = trials }, baseSpec, curves);
        }
        return plan with { Trials = trials };
    }

    public static SearchRecord Plan(IReadOnlyList<ParameterSpec> specs, SearchKind kind, int trials, long seed)
    {
        var assignments = TrialPlanner.Plan(specs, kind, trials, seed);
        var varied = TrialPlanner.Varied(specs);
        var records = assignments
            .Select((a, i) => new TrialRecord($"trial-{i + 1:D2}", a.Label(varied), a.Values, false, null))
            .ToList();
        return new SearchRecord(kind, varied, records);
    }

    public static CifarRunSpec Apply(CifarRunSpec spec, IReadOnlyDictionary<string, double> values) =>
        values.Aggregate(spec, (s, kv) => CifarRecipes.With(s, kv.Key, kv.Value));

    private static void Save(string folder, SearchRecord record, CifarRunSpec baseSpec, List<AccuracyCurves.Series> curves)
    {
        RunJson.Write(Path.Combine(folder, SearchRecord.FileName), record);
        string arch = baseSpec.Net.Arch.ToString().ToLowerInvariant();
        string title = $"{CifarRun.Dataset} {arch}: {record.Kind.ToString().ToLowerInvariant()} search over {string.Join(", ", record.Varied)}";
        AccuracyCurves.SavePng(Path.Combine(folder, SearchRecord.PlotFileName), title, curves);
    }
}
