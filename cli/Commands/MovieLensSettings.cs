using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Splits;

namespace Toolkit.Cli.Commands;

/// <summary>Options of the MovieLens commands: which split, and the hand-written ALS.</summary>
public class MovieLensSettings : DataSettings
{
    [CommandOption("--seed <S>"), Description("Seed of --split random, of the validation carve, the random ALS start and the library models. Default 1.")]
    public uint Seed { get; init; } = 1;
    [CommandOption("--test-fraction <F>"), Description("Test share of --split random. Default 0.2.")]
    public double TestFraction { get; init; } = 0.2;
    [CommandOption("--lambda <L>"), Description("ALS regularisation λ. Default 10 (the reference).")]
    public double Lambda { get; init; } = 10;
    [CommandOption("--bias-lambda <L>"), Description("ALS regularisation of the biases (with --biases). Default: --lambda.")]
    public double? BiasLambda { get; init; }
    [CommandOption("--biases"), Description("ALS fits r = μ + b_user + b_movie + u·v instead of u·v.")]
    public bool Biases { get; init; }
    [CommandOption("--init <KIND>"), Description("ALS start: svd (U = U_d √S, V = V_d √S of the zero-filled matrix; the reference) or random. Default svd.")]
    public string Init { get; init; } = "svd";
    [CommandOption("--max-iterations <N>"), Description("ALS sweep cap. Default 100.")]
    public int MaxIterations { get; init; } = 100;
    [CommandOption("--tolerance <T>"), Description("ALS stops when the objective changes by less than T relative to the previous sweep. Default 1e-5.")]
    public double Tolerance { get; init; } = 1e-5;
    [CommandOption("--threads <N>"), Description("Threads for the ALS row solves; 0 = one per core. Default 0.")]
    public int Threads { get; init; }
    [CommandOption("--solver <KIND>"), Description("ALS row updates: cg (a few conjugate-gradient steps per row; small ranks solved exactly) or exact (Cholesky). Default cg.")]
    public string Solver { get; init; } = "cg";
    [CommandOption("--cg-steps <N>"), Description("Conjugate-gradient steps per row and sweep with --solver cg, 1-50. Default 3.")]
    public int CgSteps { get; init; } = 3;

    public virtual string SplitName => SplitSpec.All;

    /// <summary>A rank beyond the number of movies (1,682 in MovieLens 100K) has nothing left to factor.</summary>
    protected const int MaxRank = 1_682;

    public override ValidationResult Validate() =>
        Validation.Check(
            OptionRules.Fraction("--test-fraction", TestFraction),
            OptionRules.NotNegative("--lambda", Lambda),
            OptionRules.NotNegative("--bias-lambda", BiasLambda),
            Init.ToLowerInvariant() is "svd" or "random" ? null : $"--init {Init}: expected svd or random",
            OptionRules.Range("--max-iterations", MaxIterations, 1, OptionRules.MaxCount),
            OptionRules.Positive("--tolerance", Tolerance),
            OptionRules.Threads("--threads", Threads, zeroMeansDefault: true),
            AlsRowSolverNames.Parse(Solver) is null ? $"--solver {Solver}: expected {AlsRowSolverNames.Choices}" : null,
            OptionRules.Range("--cg-steps", CgSteps, 1, 50)) ?? base.Validate();

    public AlsOptions AlsOptions => new()
    {
        Lambda = Lambda, BiasLambda = BiasLambda, Biases = Biases, MaxIterations = MaxIterations, Tolerance = Tolerance, Threads = Threads,
        Initialisation = Init.Equals("random", StringComparison.OrdinalIgnoreCase) ? AlsInitialisation.Random : AlsInitialisation.Svd,
        RowSolver = AlsRowSolverNames.Parse(Solver) ?? AlsRowSolver.ConjugateGradient, ConjugateGradientSteps = CgSteps,
    };

    public string MovieLensFolder => Location.Folder(MovieLensData.FolderName);

    public RatingSplit ReadSplit() => Splitter.Create(new SplitSpec(SplitName, Seed, TestFraction), MovieLensFolder);
}
