using Toolkit.Datasets.MovieLens;
using Toolkit.Pipelines.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Splits;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit movielens compare</c>: every model at every rank on one split, with plots, fits.csv and report.json.</summary>
public sealed class MovieLensCompareCommand : Command<MovieLensCompareCommand.Settings>
{
    public sealed class Settings : MovieLensSettings
    {
        [CommandOption("--split <NAME>"), Description("reference (NumPy seed 1 permutation, 80/20), u1..u5, ua, ub, or random (with --seed, --test-fraction). Default reference.")]
        public string Split { get; init; } = SplitSpec.Reference;
        [CommandOption("--ranks <LIST>"), Description("Ranks d for SVD, ALS and ranked library models. Default 1,2,5,10,20,50.")]
        public string Ranks { get; init; } = "1,2,5,10,20,50";
        [CommandOption("--out <DIR>"), Description("Folder for report.json, fits.csv and the PNG plots. Default movielens-compare.")]
        public string Out { get; init; } = "movielens-compare";
        [CommandOption("--agreement-rank <D>"), Description("Rank of the ALS and ranked library models compared prediction by prediction. Default 5.")]
        public int AgreementRank { get; init; } = 5;
        [CommandOption("--top <N>"), Description("Length of the per-user top lists compared. Default 10.")]
        public int Top { get; init; } = 10;
        [CommandOption("--disagreement-min-ratings <N>"), Description("Movies with fewer training ratings are left out of the lists of movies the models disagree on most. Default 1.")]
        public int DisagreementMinRatings { get; init; } = 1;
        [CommandOption("--no-tune"), Description("Skip the tuned ALS with biases (d, λ and bias λ searched on a validation part of the training data).")]
        public bool NoTune { get; init; }
        [CommandOption("--tune-lambdas <LIST>"), Description("λ values searched for the tuned ALS. Default 7.5,10,12.5,15.")]
        public string TuneLambdas { get; init; } = "7.5,10,12.5,15";
        [CommandOption("--tune-bias-lambdas <LIST>"), Description("Bias λ values searched for the tuned ALS. Default 1,10.")]
        public string TuneBiasLambdas { get; init; } = "1,10";
        [CommandOption("--tune-ranks <LIST>"), Description("Ranks searched for the tuned ALS. Default 2,5,10,20.")]
        public string TuneRanks { get; init; } = "2,5,10,20";
        [CommandOption("--validation-fraction <F>"), Description("Share of the training ratings held out to choose the tuned ALS. Default 0.1.")]
        public double ValidationFraction { get; init; } = 0.1;
        [CommandOption("--no-exact-comparison"), Description("With --solver cg, skip fitting the exact (Cholesky) ALS beside it at every rank as als-exact.")]
        public bool NoExactComparison { get; init; }
        [CommandOption("--libraries <LIST>"), Description("Library models to run (comma-separated names, or none). Default: all found.")]
        public string? Libraries { get; init; }
        [CommandOption("--force"), Description("Replace the report files in --out if they exist.")]
        public bool Force { get; init; }

        public override string SplitName => Split;

        public override ValidationResult Validate() =>
            Validation.Check(
                Split == SplitSpec.All ? "--split all: compare needs a test part; use reference, u1..u5, ua, ub or random" : null,
                OptionRules.List<int>("--ranks", Ranks, r => OptionRules.Range("--ranks", r, 1, MaxRank)),
                OptionRules.Range("--agreement-rank", AgreementRank, 1, MaxRank),
                OptionRules.Range("--top", Top, 1, MovieLensReader.MaxMovies),
                OptionRules.Range("--disagreement-min-ratings", DisagreementMinRatings, 1, int.MaxValue),
                OptionRules.List<double>("--tune-lambdas", TuneLambdas, l => OptionRules.NotNegative("--tune-lambdas", l)),
                OptionRules.List<double>("--tune-bias-lambdas", TuneBiasLambdas, l => OptionRules.NotNegative("--tune-bias-lambdas", l)),
                OptionRules.List<int>("--tune-ranks", TuneRanks, r => OptionRules.Range("--tune-ranks", r, 1, MaxRank)),
                OptionRules.Fraction("--validation-fraction", ValidationFraction),
                Libraries is null or "none" || OptionRules.Items(Libraries).Length > 0 ? null : $"--libraries '{Libraries}': expected a comma-separated list") ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new ComparisonOptions
        {
            Ranks = OptionRules.Values<int>(settings.Ranks), Als = settings.AlsOptions, Seed = settings.Seed, AgreementRank = settings.AgreementRank,
            TopN = settings.Top, DisagreementMinTrainRatings = settings.DisagreementMinRatings, Tune = !settings.NoTune,
            CompareExactSolver = !settings.NoExactComparison, TuneLambdas = OptionRules.Values<double>(settings.TuneLambdas),
            TuneBiasLambdas = OptionRules.Values<double>(settings.TuneBiasLambdas), TuneRanks = OptionRules.Values<int>(settings.TuneRanks),
            ValidationFraction = settings.ValidationFraction,
            Libraries = settings.Libraries is null ? null : settings.Libraries == "none" ? [] : OptionRules.Items(settings.Libraries),
        };
        var report = Comparison.Run(options, settings.ReadSplit(), MovieLensReader.ReadMovies(Path.Combine(settings.MovieLensFolder, "u.item")),
            settings.Out, settings.Force, new StderrProgress());
        return Json.PrintOr(settings.Json, report, () => MovieLensCompareTables.Print(report));
    }
}
