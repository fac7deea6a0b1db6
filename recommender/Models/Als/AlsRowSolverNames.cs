namespace Toolkit.Recommender.Models.Als;

/// <summary>The command-line and report names of <see cref="AlsRowSolver"/>: cg and exact.</summary>
public static class AlsRowSolverNames
{
    public const string Choices = "cg or exact";

    public static string Name(AlsRowSolver solver) => solver == AlsRowSolver.Exact ? "exact" : "cg";

    /// <summary>The solver named <paramref name="name"/> (case-insensitive), or null for an unknown name.</summary>
    public static AlsRowSolver? Parse(string name) => name.ToLowerInvariant() switch
    {
        "cg" => AlsRowSolver.ConjugateGradient,
        "exact" => AlsRowSolver.Exact,
        _ => null,
    };
}
