namespace Toolkit.Recommender.Models.Als;

public enum AlsInitialisation { Svd, Random }

/// <summary>How each row's regularised least-squares problem is solved within a sweep.</summary>
public enum AlsRowSolver
{
    /// <summary>Cholesky factorisation of the row's d × d normal equations: the exact row minimum every sweep.</summary>
    Exact,

    /// <summary>
    /// A few conjugate-gradient steps on the row's normal equations, started from the row's current value and
    /// never forming the d × d matrix: each step costs two passes over the row's entries (O(n d) instead of O(n d²)).
    /// </summary>
    ConjugateGradient,
}

/// <summary>
/// Options of <see cref="AlsSolver"/>. Minimises Σ_observed (r̂ − r)² + λ (‖U‖² + ‖V‖²) (+ λ_b (‖b_u‖² + ‖b_m‖²)
/// with biases), alternating row updates for all users, then all movies, until the objective changes by
/// less than <see cref="Tolerance"/> relative to its previous value, or <see cref="MaxIterations"/> sweeps.
/// </summary>
public sealed record AlsOptions
{
    public double Lambda { get; init; } = 10;

    /// <summary>Regularisation of the biases; null means the same as <see cref="Lambda"/>.</summary>
    public double? BiasLambda { get; init; }

    /// <summary>Fit r̂ = μ + b_u + b_m + u·v instead of r̂ = u·v.</summary>
    public bool Biases { get; init; }

    public AlsInitialisation Initialisation { get; init; } = AlsInitialisation.Svd;

    public int MaxIterations { get; init; } = 100;

    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Standard deviation of the random initial factors.</summary>
    public double RandomScale { get; init; } = 0.1;

    /// <summary>Worker threads for the row solves; 0 means one per processor.</summary>
    public int Threads { get; init; }

    public AlsRowSolver RowSolver { get; init; } = AlsRowSolver.Exact;

    /// <summary>Conjugate-gradient steps per row and sweep (with <see cref="AlsRowSolver.ConjugateGradient"/>).</summary>
    public int ConjugateGradientSteps { get; init; } = 3;

    public double EffectiveBiasLambda => BiasLambda ?? Lambda;
}
