using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Recommender.Benchmarks;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Plots;

namespace Toolkit.Cli.Commands;

/// <summary>ALS time per sweep and memory on synthetic power-law rating sets of growing size, plotted.</summary>
public sealed class BenchAlsScalingCommand : Command<BenchAlsScalingCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("--sizes <LIST>")]
        [Description("Numbers of ratings, e.g. 1M,10M,50M (K and M suffixes), 100K-200M. Default 1M,10M,50M.")]
        public string Sizes { get; init; } = "1M,10M,50M";

        [CommandOption("--rank <D>")]
        [Description("Rank d, 1-200. Default 20 (below 16 unknowns the cg solver solves rows exactly too).")]
        public int Rank { get; init; } = 20;

        [CommandOption("--sweeps <N>")]
        [Description("Sweeps per size and solver, 1-20. Default 2.")]
        public int Sweeps { get; init; } = 2;

        [CommandOption("--solver <LIST>")]
        [Description("Row solvers: cg, exact or cg,exact (default).")]
        public string Solver { get; init; } = "cg,exact";

        [CommandOption("--cg-steps <N>")]
        [Description("Conjugate-gradient steps per row and sweep, 1-50. Default 3.")]
        public int CgSteps { get; init; } = 3;

        [CommandOption("--threads <N>")]
        [Description("Threads for the row updates; 0 = one per core. Default 0.")]
        public int Threads { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for als-scaling-time.png, als-scaling-memory.png and als-scaling.json. Default runs/als-scaling.")]
        public string Out { get; init; } = "runs/als-scaling";

        public override ValidationResult Validate()
        {
            if (Rank is < 1 or > 200) return ValidationResult.Error($"--rank {Rank}: expected 1-200");
            if (Sweeps is < 1 or > 20) return ValidationResult.Error($"--sweeps {Sweeps}: expected 1-20");
            if (CgSteps is < 1 or > 50) return ValidationResult.Error($"--cg-steps {CgSteps}: expected 1-50");
            if (Threads < 0) return ValidationResult.Error($"--threads {Threads}: expected 0 or more");
            if (ParseSolvers(Solver) is null) return ValidationResult.Error($"--solver {Solver}: expected cg and/or exact");
            if (ParseSizes(Sizes) is null) return ValidationResult.Error($"--sizes {Sizes}: expected rating counts of 100K-200M such as 1M,10M");
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new AlsOptions { Threads = settings.Threads, ConjugateGradientSteps = settings.CgSteps };
        var points = AlsScalingBenchmark.Run(ParseSizes(settings.Sizes)!, settings.Rank, settings.Sweeps, ParseSolvers(settings.Solver)!,
            options, new StderrProgress());
        Directory.CreateDirectory(settings.Out);
        string time = Path.Combine(settings.Out, "als-scaling-time.png"), memory = Path.Combine(settings.Out, "als-scaling-memory.png");
        AlsScalingPlot.WriteTime(time, points);
        AlsScalingPlot.WriteMemory(memory, points);
        Toolkit.Datasets.AtomicFile.WriteAllText(Path.Combine(settings.Out, "als-scaling.json"),
            System.Text.Json.JsonSerializer.Serialize(points, Json.Options));
        if (settings.Json)
        {
            Json.Print(points);
            return 0;
        }
        var table = new Table().AddColumns("ratings", "users", "movies", "solver", "d", "generate s", "median sweep s", "sweeps s",
            "rating rows MiB", "factors MiB", "peak working set MiB");
        foreach (var p in points)
            table.AddRow(p.Ratings.ToString("N0"), p.Users.ToString("N0"), p.Movies.ToString("N0"), p.Solver, p.Rank.ToString(),
                F(p.GenerateSeconds), F(p.MedianSweepSeconds), string.Join(" ", p.SweepSeconds.Select(F)),
                Mib(p.MatrixBytes), Mib(p.FactorBytes), Mib(p.PeakWorkingSetBytes));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"load average {LoadAverage.Text()}; wrote {Markup.Escape(time)}, {Markup.Escape(memory)}");
        return 0;
    }

    private static IReadOnlyList<AlsRowSolver>? ParseSolvers(string text)
    {
        var solvers = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(AlsRowSolverNames.Parse).ToList();
        return solvers.Count == 0 || solvers.Any(s => s is null) ? null : solvers.Select(s => s!.Value).Distinct().ToList();
    }

    private static IReadOnlyList<long>? ParseSizes(string text)
    {
        var sizes = new List<long>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            long unit = part.EndsWith('M') || part.EndsWith('m') ? 1_000_000 : part.EndsWith('K') || part.EndsWith('k') ? 1_000 : 1;
            string digits = unit == 1 ? part : part[..^1];
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return null;
            long size = (long)Math.Round(value * unit);
            if (size is < 100_000 or > 200_000_000) return null;
            sizes.Add(size);
        }
        return sizes.Count == 0 ? null : sizes;
    }

    private static string F(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
