using System.Diagnostics;
using System.Globalization;
using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Models.Baselines;
using Toolkit.Recommender.Models.Svd;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;

namespace Toolkit.Recommender.Comparison;

/// <summary>
/// Fits the baselines, the truncated SVD and the hand-written ALS at every rank, optionally a tuned ALS with
/// biases, and every library backend, on one split; then measures how far ALS and each library model agree.
/// </summary>
public sealed class ComparisonRunner(ComparisonOptions options, IProgress<string>? progress = null)
{
    public const string TunedAlsName = "als-biased-tuned";
    public const string ExactAlsName = "als-exact";

    private readonly Dictionary<(string Model, int? Rank), IRatingModel> _models = new();

    public static IReadOnlyList<IRatingTrainer> HandWrittenTrainers(AlsOptions als) =>
    [
        new GlobalMeanTrainer(), new MovieMeanTrainer(), new MovieMeanTrainer(UnseenMovieRating.GlobalMean), new BiasBaselineTrainer(), new TruncatedSvdTrainer(), new AlsTrainer(als),
    ];

    public static IReadOnlyList<ILibraryTrainer> SelectLibraries(IReadOnlyList<string>? names)
    {
        var all = LibraryTrainers.All();
        if (names is null) return all;
        var unknown = names.Where(n => all.All(t => t.Name != n)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown library model {string.Join(", ", unknown)}; found: {string.Join(", ", all.Select(t => t.Name))}");
        return all.Where(t => names.Contains(t.Name)).ToList();
    }

    public ComparisonReport Run(RatingSplit split, IReadOnlyList<Movie> movies)
    {
        var train = new RatingMatrix(split.Train);
        var libraries = SelectLibraries(options.Libraries);
        var fits = new List<FitResult>();
        var svdClock = Stopwatch.StartNew();
        progress?.Report($"SVD of the zero-filled training matrix, {options.Ranks.Max()} leading singular triplets");
        ZeroFilledSvd.Of(train, options.Ranks.Max());
        double svdSeconds = svdClock.Elapsed.TotalSeconds;
        int threads = options.Als.Threads > 0 ? options.Als.Threads : Environment.ProcessorCount;

        foreach (var trainer in HandWrittenTrainers(options.Als))
            fits.AddRange(FitAtRanks(trainer, train, split));
        var timing = AlsTiming.Of(fits.Where(f => f.Model == "als").ToList(), threads, AlsRowSolverNames.Name(options.Als.RowSolver));

        AlsTiming? exactTiming = null;
        if (options.CompareExactSolver && options.Als.RowSolver != AlsRowSolver.Exact)
        {
            var exactFits = FitAtRanks(new AlsTrainer(options.Als with { RowSolver = AlsRowSolver.Exact }, ExactAlsName), train, split).ToList();
            fits.AddRange(exactFits);
            exactTiming = AlsTiming.Of(exactFits, threads, AlsRowSolverNames.Name(AlsRowSolver.Exact));
        }

        TuningResult? tuning = null;
        if (options.Tune)
        {
            tuning = AlsTuner.Search(split.Train, options.TuneRanks, options.TuneLambdas, options.TuneBiasLambdas, options.Als,
                options.ValidationFraction, options.Seed, progress);
            var tuned = new AlsTrainer(options.Als with { Biases = true, Lambda = tuning.BestLambda, BiasLambda = tuning.BestBiasLambda }, TunedAlsName);
            fits.Add(FitOne(tuned, train, split, tuning.BestRank));
        }

        foreach (var library in libraries)
            fits.AddRange(FitAtRanks(library, train, split));

        var agreement = new List<AgreementResult>();
        var alsModels = new List<(string Name, IRatingModel Model)>();
        if (_models.TryGetValue(("als", options.AgreementRank), out var als))
            alsModels.Add(($"als d={options.AgreementRank}", als));
        if (tuning is not null)
            alsModels.Add(($"{TunedAlsName} d={tuning.BestRank}", _models[(TunedAlsName, tuning.BestRank)]));
        foreach (var (alsName, alsModel) in alsModels)
            foreach (var library in libraries)
            {
                int? rank = library.UsesRank ? options.AgreementRank : null;
                if (!_models.TryGetValue((library.Name, rank), out var libraryModel)) continue;
                string libraryName = rank is null ? library.Name : $"{library.Name} d={rank}";
                progress?.Report($"agreement of {alsName} and {libraryName}");
                agreement.Add(Agreement.Measure(alsName, alsModel, libraryName, libraryModel, train, split.Test, movies, options.TopN,
                    minTrainRatings: options.DisagreementMinTrainRatings));
            }

        return new ComparisonReport(split.Name, split.Description, split.Train.Count, split.Test.Count, options.Ranks,
            svdSeconds, fits, timing, tuning, agreement, [], exactTiming);
    }

    /// <summary>The fitted model of a comparison entry, e.g. ("als", 5) or ("mlnet-sdca", null).</summary>
    public IRatingModel? Model(string name, int? rank) => _models.GetValueOrDefault((name, rank));

    private IEnumerable<FitResult> FitAtRanks(IRatingTrainer trainer, RatingMatrix train, RatingSplit split)
    {
        if (!trainer.UsesRank)
        {
            yield return FitOne(trainer, train, split, null);
            yield break;
        }
        foreach (int rank in options.Ranks) yield return FitOne(trainer, train, split, rank);
    }

    private FitResult FitOne(IRatingTrainer trainer, RatingMatrix train, RatingSplit split, int? rank)
    {
        string label = rank is null ? trainer.Name : $"{trainer.Name} d={rank}";
        progress?.Report($"fitting {label}");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(train, new FitContext(rank ?? 0, options.Seed, progress));
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        _models[(trainer.Name, rank)] = model;
        var trainError = ErrorMetrics.Of(model, split.Train);
        var testError = ErrorMetrics.Of(model, split.Test);
        (double Mse, double Rmse)? library = model is ILibraryEvaluatedModel evaluated && split.Test.Count > 0
            ? evaluated.EvaluateWithLibrary(split.Test)
            : null;
        progress?.Report(string.Create(CultureInfo.InvariantCulture,
            $"{label}: train MSE {trainError.Mse:F4}, test MSE {testError.Mse:F4}, {seconds:F2} s"));
        return new FitResult(trainer.Name, trainer.Kind.ToString(), rank, trainError.Mse, trainError.Rmse,
            testError.Mse, testError.Rmse, seconds, cpuSeconds, library?.Mse, library?.Rmse, model.Details);
    }
}
