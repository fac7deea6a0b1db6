using Toolkit.Recommender.Comparison;

namespace Toolkit.Cli.Commands;

/// <summary>The readable form of a <see cref="ComparisonReport"/>.</summary>
public static class MovieLensCompareTables
{
    public static void Print(ComparisonReport report)
    {
        AnsiConsole.MarkupLine($"Split [bold]{Markup.Escape(report.Split)}[/]: {Markup.Escape(report.SplitDescription)}");
        AnsiConsole.MarkupLine($"{report.TrainCount:N0} training ratings, {report.TestCount:N0} test ratings");

        Tables.Print(report.Fits, ["model", "d", "train MSE", "train RMSE", "test MSE", "test RMSE", "fit s", "lib. test MSE"],
            fit => [Markup.Escape(fit.Model), fit.Rank?.ToString() ?? "", F(fit.TrainMse), F(fit.TrainRmse), F(fit.TestMse), F(fit.TestRmse),
                S(fit.FitSeconds), fit.LibraryTestMse is { } library ? F(library) : ""], "Error by model and rank");

        var als = report.AlsTiming;
        var exact = report.ExactAlsTiming;
        var timing = new Table().Title($"ALS time ({als.Threads} threads)").AddColumns("d", $"{als.Solver} wall s", $"{als.Solver} processor s");
        if (exact is not null) timing.AddColumns("exact wall s", "exact processor s", "test MSE cg − exact");
        foreach (var (rank, seconds) in als.SecondsPerRank)
        {
            var cells = new List<string> { rank.ToString(), S(seconds), S(als.CpuSecondsPerRank.GetValueOrDefault(rank)) };
            if (exact is not null)
                cells.AddRange([S(exact.SecondsPerRank.GetValueOrDefault(rank)), S(exact.CpuSecondsPerRank.GetValueOrDefault(rank)),
                    TestMseDifference(report, rank)]);
            timing.AddRow(cells.ToArray());
        }
        var total = new List<string> { "[bold]all[/]", S(als.TotalSeconds), S(als.TotalCpuSeconds) };
        if (exact is not null) total.AddRange([S(exact.TotalSeconds), S(exact.TotalCpuSeconds), ""]);
        timing.AddRow(total.ToArray());
        AnsiConsole.Write(timing);

        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"SVD of the zero-filled matrix (shared by all SVD ranks and the ALS start): {report.SvdSeconds:F2} s"));
        if (report.Tuning is { } tuning)
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Tuned ALS with biases: d = {tuning.BestRank}, λ = {tuning.BestLambda}, bias λ = {tuning.BestBiasLambda} chosen on {tuning.ValidationCount:N0} validation ratings " +
                $"({tuning.Grid.Count} fits, {tuning.Seconds:F1} s)"));

        foreach (var agreement in report.Agreement)
        {
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"\n[bold]{Markup.Escape(agreement.First)}[/] vs [bold]{Markup.Escape(agreement.Second)}[/]: " +
                $"test prediction correlation {agreement.TestPredictionCorrelation:F4}, mean top-{agreement.TopN} overlap {agreement.MeanTopOverlap:P1}; " +
                $"movies with ≥ {agreement.MinTrainRatings} training ratings they disagree on most:"));
            Tables.Print(agreement.MostDisagreedMovies.Take(5), ["movie", "title", "train ratings", "mean difference", "mean |difference|"],
                movie => [movie.MovieId.ToString(), Markup.Escape(movie.Title), movie.TrainRatings.ToString(), F(movie.MeanDifference), F(movie.MeanAbsoluteDifference)]);
        }
        foreach (string file in report.Files) AnsiConsole.MarkupLine($"wrote {Markup.Escape(file)}");
    }

    private static string TestMseDifference(ComparisonReport report, int rank)
    {
        double? cg = report.Fits.FirstOrDefault(f => f.Model == "als" && f.Rank == rank)?.TestMse;
        double? exact = report.Fits.FirstOrDefault(f => f.Model == ComparisonRunner.ExactAlsName && f.Rank == rank)?.TestMse;
        return cg is { } c && exact is { } e ? (c - e).ToString("+0.00000;-0.00000;0", CultureInfo.InvariantCulture) : "";
    }

    private static string S(double seconds) => seconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
