using Toolkit.Pipelines.Benchmarks;
using Toolkit.Recommender.Models.Als;

namespace Toolkit.Cli.Commands;

/// <summary>ALS time per sweep and memory on synthetic power-law rating sets of growing size, plotted.</summary>
public sealed class BenchAlsScalingCommand : Command<BenchAlsScalingCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--sizes <LIST>"), Description("Numbers of ratings, e.g. 1M,10M,50M (K and M suffixes), 100K-200M. Default 1M,10M,50M.")]
        public string Sizes { get; init; } = "1M,10M,50M";
        [CommandOption("--rank <D>"), Description("Rank d, 1-200. Default 20 (below 16 unknowns the cg solver solves rows exactly too).")]
        public int Rank { get; init; } = 20;
        [CommandOption("--sweeps <N>"), Description("Sweeps per size and solver, 1-20. Default 2.")]
        public int Sweeps { get; init; } = 2;
        [CommandOption("--solver <LIST>"), Description("Row solvers: cg, exact or cg,exact (default).")]
        public string Solver { get; init; } = "cg,exact";
        [CommandOption("--cg-steps <N>"), Description("Conjugate-gradient steps per row and sweep, 1-50. Default 3.")]
        public int CgSteps { get; init; } = 3;
        [CommandOption("--threads <N>"), Description("Threads for the row updates; 0 = one per core. Default 0.")]
        public int Threads { get; init; }
        [CommandOption("--out <DIR>"), Description("Folder for als-scaling-time.png, als-scaling-memory.png and als-scaling.json. Default runs/als-scaling.")]
        public string Out { get; init; } = "runs/als-scaling";

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--rank", Rank, 1, 200),
                OptionRules.Range("--sweeps", Sweeps, 1, 20),
                OptionRules.Range("--cg-steps", CgSteps, 1, 50),
                OptionRules.Threads("--threads", Threads, zeroMeansDefault: true),
                OptionRules.Items(Solver) is { Length: > 0 } solvers && solvers.All(s => AlsRowSolverNames.Parse(s) is not null) ? null : $"--solver {Solver}: expected cg and/or exact",
                OptionRules.Items(Sizes) is { Length: > 0 } sizes && sizes.All(s => AlsScaling.ParseSize(s) is not null)
                    ? null : $"--sizes {Sizes}: expected rating counts of 100K-200M such as 1M,10M") ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = AlsScaling.Run(OptionRules.Items(settings.Sizes).Select(s => AlsScaling.ParseSize(s)!.Value).ToList(), settings.Rank, settings.Sweeps,
            OptionRules.Items(settings.Solver).Select(s => AlsRowSolverNames.Parse(s)!.Value).Distinct().ToList(),
            new AlsOptions { Threads = settings.Threads, ConjugateGradientSteps = settings.CgSteps }, settings.Out, new StderrProgress());
        if (settings.Json)
        {
            Json.Print(result.Points);
            return 0;
        }
        Tables.Print(result.Points, ["ratings", "users", "movies", "solver", "d", "generate s", "median sweep s", "sweeps s", "rating rows MiB", "factors MiB", "peak working set MiB"],
            p => [p.Ratings.ToString("N0"), p.Users.ToString("N0"), p.Movies.ToString("N0"), p.Solver, p.Rank.ToString(), F(p.GenerateSeconds),
                F(p.MedianSweepSeconds), string.Join(" ", p.SweepSeconds.Select(F)), Mib(p.MatrixBytes), Mib(p.FactorBytes), Mib(p.PeakWorkingSetBytes)]);
        AnsiConsole.MarkupLine($"load average {LoadAverage.Text()}; wrote {Markup.Escape(result.TimePlot)}, {Markup.Escape(result.MemoryPlot)}");
        return 0;
    }

    private static string F(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
