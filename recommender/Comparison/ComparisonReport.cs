namespace Toolkit.Recommender.Comparison;

/// <summary>
/// One fitted model on the split: errors, wall time of the fit and the processor time the process spent in it
/// (all threads; on a shared machine the wall time also counts waiting for a core), and what the fit reported.
/// </summary>
public sealed record FitResult(
    string Model, string Kind, int? Rank,
    double TrainMse, double TrainRmse, double TestMse, double TestRmse, double FitSeconds, double FitCpuSeconds,
    double? LibraryTestMse, double? LibraryTestRmse,
    IReadOnlyDictionary<string, string> Details);

/// <summary>A movie on which two models disagree: the mean of (first − second) over the users who did not rate it in training.</summary>
public sealed record MovieDisagreement(int MovieId, string Title, int TrainRatings, double MeanDifference, double MeanAbsoluteDifference);

/// <summary>
/// How far two models agree: correlation of test predictions, top-N overlap per user, and the movies (among those
/// with at least <see cref="MinTrainRatings"/> training ratings) where they differ most.
/// </summary>
public sealed record AgreementResult(
    string First, string Second, double TestPredictionCorrelation, int TopN, double MeanTopOverlap,
    int MinTrainRatings, IReadOnlyList<MovieDisagreement> MostDisagreedMovies);

/// <summary>One point of the λ (and d) search of the tuned ALS: MSE on the validation part of the training data.</summary>
public sealed record TuningPoint(int Rank, double Lambda, double BiasLambda, double ValidationMse, double FitSeconds);

/// <summary>The d, λ and bias λ search of the ALS with biases, and the choice it made.</summary>
public sealed record TuningResult(
    double ValidationFraction, uint Seed, int TrainCount, int ValidationCount,
    IReadOnlyList<TuningPoint> Grid, int BestRank, double BestLambda, double BestBiasLambda, double Seconds);

/// <summary>Wall and processor seconds a hand-written ALS (row solver cg or exact) spent on each rank, and in all.</summary>
public sealed record AlsTiming(
    IReadOnlyDictionary<int, double> SecondsPerRank, double TotalSeconds,
    IReadOnlyDictionary<int, double> CpuSecondsPerRank, double TotalCpuSeconds, int Threads, string Solver)
{
    public static AlsTiming Of(IReadOnlyList<FitResult> fits, int threads, string solver)
    {
        var seconds = new SortedDictionary<int, double>(fits.ToDictionary(f => f.Rank!.Value, f => f.FitSeconds));
        var cpuSeconds = new SortedDictionary<int, double>(fits.ToDictionary(f => f.Rank!.Value, f => f.FitCpuSeconds));
        return new AlsTiming(seconds, seconds.Values.Sum(), cpuSeconds, cpuSeconds.Values.Sum(), threads, solver);
    }
}

/// <summary>
/// Everything <c>movielens compare</c> measured. <see cref="SvdSeconds"/> is the one decomposition shared by the
/// SVD models of every rank and the SVD start of ALS; it is not billed to any single fit. <see cref="ExactAlsTiming"/>
/// times the exact (Cholesky) ALS fitted beside a conjugate-gradient <see cref="AlsTiming"/>, as <c>als-exact</c>.
/// </summary>
public sealed record ComparisonReport(
    string Split, string SplitDescription, int TrainCount, int TestCount, IReadOnlyList<int> Ranks, double SvdSeconds,
    IReadOnlyList<FitResult> Fits, AlsTiming AlsTiming, TuningResult? Tuning,
    IReadOnlyList<AgreementResult> Agreement, IReadOnlyList<string> Files, AlsTiming? ExactAlsTiming = null);
