namespace Toolkit.Datasets.Verification;

/// <summary>What <c>data verify</c> found for one data set.</summary>
public sealed record DatasetReport(
    string Name,
    string Folder,
    bool Ok,
    string? Problem,
    IReadOnlyDictionary<string, int> CountPerSplit,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> CountPerClass,
    IReadOnlyDictionary<string, string> Details)
{
    public static DatasetReport Failed(string name, string folder, string problem) =>
        new(name, folder, false, problem, new Dictionary<string, int>(),
            new Dictionary<string, IReadOnlyDictionary<string, int>>(), new Dictionary<string, string>());

    /// <summary>A passed check of a classification data set: per split, its count and its count per class.</summary>
    public static DatasetReport Passed(string name, string folder,
        params (string Split, int Count, IReadOnlyDictionary<string, int> PerClass)[] splits) =>
        new(name, folder, true, null,
            splits.ToDictionary(s => s.Split, s => s.Count),
            splits.ToDictionary(s => s.Split, s => s.PerClass),
            new Dictionary<string, string>());
}

/// <summary>Reads one data set completely and reports its counts, or the problem that stopped it.</summary>
public interface IDatasetCheck
{
    string Name { get; }
    string FolderName { get; }
    DatasetReport Check(string folder);
}

public static class DatasetCheck
{
    /// <summary>Every data set the toolkit reads, in the order <c>data verify</c> reports them.</summary>
    public static readonly IReadOnlyList<IDatasetCheck> All = [new MnistCheck(), new CifarCheck(), new MovieLensCheck(), new NewsgroupsCheck()];

    /// <summary>The checks of the data sets named (all when none is), refusing a name no check has.</summary>
    public static IReadOnlyList<IDatasetCheck> Selected(IReadOnlyCollection<string> names)
    {
        var unknown = names.Where(n => All.All(c => c.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown data set {string.Join(", ", unknown)}; known: {string.Join(", ", All.Select(c => c.Name))}");
        return All.Where(c => names.Count == 0 || names.Contains(c.Name)).ToList();
    }

    /// <summary>Runs a check, turning a read failure into a failed report.</summary>
    public static DatasetReport Run(IDatasetCheck check, DataLocation location)
    {
        string folder = location.Folder(check.FolderName);
        if (!Directory.Exists(folder))
            return DatasetReport.Failed(check.Name, folder, $"folder not found (try 'toolkit data download {check.Name}')");
        try
        {
            return check.Check(folder);
        }
        catch (Exception e) when (e is DataFormatException or IOException or UnauthorizedAccessException)
        {
            return DatasetReport.Failed(check.Name, folder, e.Message);
        }
    }

    public static IReadOnlyDictionary<string, int> Named(IReadOnlyList<string> names, int[] counts) =>
        names.Select((n, i) => (n, counts[i])).ToDictionary(p => p.n, p => p.Item2);
}
