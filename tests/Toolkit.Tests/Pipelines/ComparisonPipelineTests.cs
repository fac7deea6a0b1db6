using System.Text.Json;
using Toolkit.Datasets.MovieLens;
using Toolkit.Pipelines.MovieLens;
using Toolkit.Pipelines.Outputs;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Splits;
using Toolkit.Tests.Recommender;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>
/// The MovieLens comparison end to end on synthetic ratings: every output file written and listed in report.json, and
/// a second run into the same folder refused unless forced.
/// </summary>
public sealed class ComparisonPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void WritesPlotsTableAndReportThenRefusesToReplaceThem()
    {
        var all = SyntheticRatings.List(MovieLensReader.MaxUsers, MovieLensReader.MaxMovies, 0.01, seed: 5);
        var split = Splitter.Permuted("synthetic", all, 1, 0.2);
        var movies = Enumerable.Range(0, MovieLensReader.MaxMovies).Select(m => new Movie(m, $"movie {m}", "", [])).ToList();
        var options = new ComparisonOptions { Ranks = [1, 2], AgreementRank = 2, Tune = false, Libraries = [] };
        string output = _folder.File("compare");

        var report = Comparison.Run(options, split, movies, output, force: false, new Progress<string>());

        string[] expected = ["svd-mse.png", "als-mse.png", Comparison.FitsFile, Comparison.ReportFile];
        Assert.Equal(expected.Select(f => Path.Combine(output, f)), report.Files);
        Assert.All(report.Files, f => Assert.True(new FileInfo(f).Length > 0, f));
        using var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, Comparison.ReportFile)));
        Assert.Equal(report.Files.Count, written.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(1 + report.Fits.Count, File.ReadAllLines(Path.Combine(output, Comparison.FitsFile)).Length);

        var again = Assert.Throws<OverwriteException>(() => Comparison.Run(options, split, movies, output, force: false, new Progress<string>()));
        Assert.Contains(Path.Combine(output, Comparison.ReportFile), again.Message);
        Assert.Contains(OutputGuard.ForceOption, again.Message);
        Comparison.Run(options, split, movies, output, force: true, new Progress<string>());
    }

    public void Dispose() => _folder.Dispose();
}
