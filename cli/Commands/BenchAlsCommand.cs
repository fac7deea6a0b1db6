using Toolkit.Pipelines.Benchmarks;
using Toolkit.Recommender.Benchmarks;

namespace Toolkit.Cli.Commands;

/// <summary>The conjugate-gradient and the exact ALS over the ranks on a MovieLens split, side by side.</summary>
public sealed class BenchAlsCommand : Command<BenchAlsCommand.Settings>
{
    public sealed class Settings : MovieLensSettings
    {
        [CommandOption("--split <NAME>"), Description("reference (default), u1..u5, ua, ub or random.")]
        public string Split { get; init; } = "reference";
        [CommandOption("--ranks <LIST>"), Description("Ranks d. Default 1,2,5,10,20,50.")]
        public string Ranks { get; init; } = "1,2,5,10,20,50";
        [CommandOption("--rounds <N>"), Description("Rounds of all ranks per solver, alternating; each fit's best round is reported. 1-20, default 3.")]
        public int Rounds { get; init; } = 3;

        public override string SplitName => Split;

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.List<int>("--ranks", Ranks, r => OptionRules.Range("--ranks", r, 1, MaxRank)),
                OptionRules.Range("--rounds", Rounds, 1, 20)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ranks = OptionRules.Values<int>(settings.Ranks);
        var report = AlsRankBenchmark.Run(settings.ReadSplit(), ranks, settings.AlsOptions, settings.Rounds, new StderrProgress());
        if (settings.Json)
        {
            Json.Print(report);
            return 0;
        }

        var table = new Table()
            .Title($"ALS on the {Markup.Escape(report.Split)} split, best of {report.Rounds} rounds, {report.Threads} threads, cg {report.ConjugateGradientSteps} steps")
            .AddColumns("d", "cg wall s", "exact wall s", "exact / cg", "cg sweeps", "exact sweeps", "cg test MSE", "exact test MSE", "difference");
        foreach (int rank in ranks)
        {
            var cg = report.Fits.Single(f => f.Solver == "cg" && f.Rank == rank);
            var exact = report.Fits.Single(f => f.Solver == "exact" && f.Rank == rank);
            table.AddRow(rank.ToString(), S(cg.WallSeconds), S(exact.WallSeconds), $"{exact.WallSeconds / cg.WallSeconds:F2}x",
                cg.Sweeps.ToString(), exact.Sweeps.ToString(), M(cg.TestMse), M(exact.TestMse),
                (cg.TestMse - exact.TestMse).ToString("+0.00000;-0.00000;0", CultureInfo.InvariantCulture));
        }
        table.AddRow("[bold]all[/]", S(report.TotalWallSeconds["cg"]), S(report.TotalWallSeconds["exact"]), $"[bold]{report.ExactOverCgWall:F2}x[/]",
            "", "", "", "", $"max {report.LargestTestMseDifference:F5}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"processor seconds: cg {report.TotalCpuSeconds["cg"]:F2}, exact {report.TotalCpuSeconds["exact"]:F2}; load average {LoadAverage.Text()}"));
        return 0;
    }

    private static string S(double seconds) => seconds.ToString("F3", CultureInfo.InvariantCulture);

    private static string M(double mse) => mse.ToString("F5", CultureInfo.InvariantCulture);
}
