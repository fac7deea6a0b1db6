using Toolkit.Training.Runs;

namespace Toolkit.Training.Search;

public sealed record TrialRecord(string Name, string Label, IReadOnlyDictionary<string, double> Values, bool Finished, FinalMetrics? Final);

/// <summary>search.json of a search folder: the planned trials (so a search resumes), their results and the best.</summary>
public sealed record SearchRecord(SearchKind Kind, IReadOnlyList<string> Varied, IReadOnlyList<TrialRecord> Trials)
{
    public const string FileName = "search.json";
    public const string PlotFileName = "search.png";

    /// <summary>Finished trials, best validation accuracy first.</summary>
    public IReadOnlyList<TrialRecord> Ranked() =>
        Trials.Where(t => t.Final is not null).OrderByDescending(t => t.Final!.ValidationAccuracy).ToList();

    public TrialRecord? Best => Ranked().FirstOrDefault();
}
