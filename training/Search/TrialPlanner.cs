namespace Toolkit.Training.Search;

/// <summary>One trial's hyperparameter values, by option name.</summary>
public sealed record TrialAssignment(IReadOnlyDictionary<string, double> Values)
{
    public string Label(IEnumerable<string> varied) =>
        string.Join(" ", varied.Select(name => $"{name}={Values[name]:G4}"));
}

/// <summary>Turns parameter specs into the trials of no search, a grid search or a random search.</summary>
public static class TrialPlanner
{
    public static IReadOnlyList<TrialAssignment> Plan(IReadOnlyList<ParameterSpec> specs, SearchKind kind, int trials, long seed)
    {
        return kind switch
        {
            SearchKind.None => [Single(specs)],
            SearchKind.Grid => Grid(specs),
            SearchKind.Random => RandomTrials(specs, trials, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The names whose value differs between trials, for labels.</summary>
    public static IReadOnlyList<string> Varied(IReadOnlyList<ParameterSpec> specs) =>
        specs.Where(s => !s.IsSingle).Select(s => s.Name).ToList();

    private static TrialAssignment Single(IReadOnlyList<ParameterSpec> specs)
    {
        var multiple = specs.FirstOrDefault(s => !s.IsSingle);
        if (multiple is not null)
            throw new ArgumentException($"--{multiple.Name} has several values; add --search grid or --search random");
        return new TrialAssignment(specs.ToDictionary(s => s.Name, s => s.Values[0]));
    }

    private static List<TrialAssignment> Grid(IReadOnlyList<ParameterSpec> specs)
    {
        IEnumerable<Dictionary<string, double>> combos = [new Dictionary<string, double>()];
        foreach (var spec in specs)
        {
            var values = spec.GridValues();
            combos = combos.SelectMany(c => values.Select(v => new Dictionary<string, double>(c) { [spec.Name] = v })).ToList();
        }
        return combos.Select(c => new TrialAssignment(c)).ToList();
    }

    private static List<TrialAssignment> RandomTrials(IReadOnlyList<ParameterSpec> specs, int trials, long seed)
    {
        if (trials < 1) throw new ArgumentException("--trials must be at least 1 for a random search");
        var random = new Random(unchecked((int)seed));
        return Enumerable.Range(0, trials)
            .Select(_ => new TrialAssignment(specs.ToDictionary(s => s.Name, s => s.Sample(random))))
            .ToList();
    }
}
