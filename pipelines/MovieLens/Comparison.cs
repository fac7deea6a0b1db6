using System.Globalization;
using Toolkit.Datasets;
using Toolkit.Datasets.MovieLens;
using Toolkit.Pipelines.Outputs;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Plots;
using Toolkit.Recommender.Splits;

namespace Toolkit.Pipelines.MovieLens;

/// <summary>
/// The MovieLens comparison, top to bottom: check the output folder, fit every model on the split, then write
/// svd-mse.png, als-mse.png, als-solver-time.png (when both ALS solvers ran), fits.csv and report.json (which lists the files).
/// </summary>
public static class Comparison
{
    public const string ReportFile = "report.json";
    public const string FitsFile = "fits.csv";
    public const string SolverTimeFile = "als-solver-time.png";

    public static ComparisonReport Run(ComparisonOptions options, RatingSplit split, IReadOnlyList<Movie> movies, string folder,
        bool force, IProgress<string> progress)
    {
        foreach (string file in new[] { ReportFile, FitsFile, PlotFile("svd"), PlotFile("als"), SolverTimeFile })
            OutputGuard.MayReplace(Path.Combine(folder, file), force);
        OutputGuard.WritableFolder(folder);

        progress.Report($"split {split.Name}: {split.Description}");
        var report = new ComparisonRunner(options, progress).Run(split, movies);
        return report with { Files = WriteFiles(folder, report) };
    }

    private static string PlotFile(string model) => $"{model}-mse.png";

    private static IReadOnlyList<string> WriteFiles(string folder, ComparisonReport report)
    {
        var files = new List<string>();
        foreach (string model in new[] { "svd", "als" })
        {
            var fits = report.Fits.Where(f => f.Model == model).ToList();
            if (fits.Count == 0) continue;
            string path = Path.Combine(folder, PlotFile(model));
            string title = model == "svd" ? "Truncated SVD of the zero-filled matrix" : $"ALS, λ = {fits[0].Details.GetValueOrDefault("lambda")}";
            MseByRankPlot.Write(path, $"{title} ({report.Split} split)", fits);
            files.Add(path);
        }
        if (report.ExactAlsTiming is { } exact)
        {
            string path = Path.Combine(folder, SolverTimeFile);
            AlsSolverTimePlot.Write(path, $"ALS fit time by row solver ({report.Split} split)", [report.AlsTiming, exact]);
            files.Add(path);
        }
        string csv = Path.Combine(folder, FitsFile);
        AtomicFile.WriteAllText(csv, FitsCsv(report.Fits));
        files.Add(csv);
        string json = Path.Combine(folder, ReportFile);
        files.Add(json);
        AtomicFile.WriteAllText(json, ReportJson.Serialize(report with { Files = files }));
        return files;
    }

    private static string FitsCsv(IEnumerable<FitResult> fits)
    {
        var lines = new List<string> { "model,kind,rank,train_mse,train_rmse,test_mse,test_rmse,fit_seconds,fit_cpu_seconds,library_test_mse" };
        lines.AddRange(fits.Select(f => string.Join(',',
            f.Model, f.Kind, f.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
            Number(f.TrainMse), Number(f.TrainRmse), Number(f.TestMse), Number(f.TestRmse), Number(f.FitSeconds), Number(f.FitCpuSeconds),
            f.LibraryTestMse is { } library ? Number(library) : "")));
        return string.Join('\n', lines) + "\n";
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
