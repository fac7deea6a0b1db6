using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Plots;
using Toolkit.Recommender.Splits;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class ComparisonRunnerTests
{
    [Fact]
    public void FitsEveryModelAtEveryRankAndMeasuresAgreement()
    {
        var all = SyntheticRatings.List(MovieLensReader.MaxUsers, MovieLensReader.MaxMovies, 0.01, seed: 21);
        var split = Splitter.Permuted("synthetic", all, 1, 0.2);
        var movies = Enumerable.Range(0, MovieLensReader.MaxMovies).Select(m => new Movie(m, $"movie {m}", "", [])).ToList();
        var options = new ComparisonOptions
        {
            Ranks = [1, 3], AgreementRank = 3, TuneRanks = [2], TuneLambdas = [5, 10], TuneBiasLambdas = [1],
            Libraries = ["mlnet-sdca"],
            Als = new() { RowSolver = Toolkit.Recommender.Models.Als.AlsRowSolver.ConjugateGradient },
        };

        var report = new ComparisonRunner(options).Run(split, movies);

        string[] expected = ["global-mean", "movie-mean", "movie-mean-global", "bias", "svd", "svd", "als", "als", ComparisonRunner.ExactAlsName, ComparisonRunner.ExactAlsName, ComparisonRunner.TunedAlsName, "mlnet-sdca"];
        Assert.Equal(expected, report.Fits.Select(f => f.Model));
        Assert.All(report.Fits, f => Assert.True(double.IsFinite(f.TestMse)));
        Assert.Equal([1, 3], report.AlsTiming.SecondsPerRank.Keys);
        Assert.Equal("cg", report.AlsTiming.Solver);
        Assert.Equal([1, 3], report.ExactAlsTiming!.SecondsPerRank.Keys);
        Assert.NotNull(report.Fits.Single(f => f.Model == "mlnet-sdca").LibraryTestMse);
        Assert.Equal(2, report.Agreement.Count);
        Assert.Equal(2, report.Tuning!.Grid.Count);
    }

    [Fact]
    public void PlotIsWrittenWholeWithNoTemporaryFileLeft()
    {
        string folder = Path.Combine(Path.GetTempPath(), "toolkit-plot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var fits = new[] { 1, 2, 5 }.Select(d => new FitResult("als", "HandWritten", d, 1.0 / d, 1, 1.0 + d / 10.0, 1, 0, 0, null, null,
                new Dictionary<string, string>())).ToList();
            string path = Path.Combine(folder, "als-mse.png");
            MseByRankPlot.Write(path, "ALS", fits);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes.Take(4).ToArray());
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
