using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Toolkit.Tests.Datasets.Fixtures;
using Toolkit.Tests.Inference;
using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>
/// One bad input as a user types it: the command line (relative to <see cref="BadInputs.Root"/>), the exit code
/// it must end with, and the words its one-line error must hold (the file or option it names).
/// </summary>
public sealed record BadInputCase(string Name, string[] Arguments, int ExitCode, params string[] Expected);

/// <summary>What one run of a case left: the process result and the folder's checksums before and after.</summary>
public sealed record BadInputRun(ProcessResult Result, IReadOnlyDictionary<string, string> Before, IReadOnlyDictionary<string, string> After);

/// <summary>
/// A working folder full of things a new user might hand the toolkit: damaged and misplaced model files, images
/// whose headers declare huge sizes, an empty image folder, damaged MovieLens folders. Each case runs once, as a
/// separate process with this folder as its current folder, and its result is shared by the test that checks its
/// message and the test that checks no case prints a stack trace.
/// </summary>
public sealed class BadInputs : IDisposable
{
    private readonly ConcurrentDictionary<string, BadInputRun> _runs = new();

    public BadInputs()
    {
        Root = Path.Combine(Path.GetTempPath(), "toolkit-bad-inputs-" + Guid.NewGuid().ToString("N"));
        WriteModels();
        WriteImages();
        WriteMovieLensFolders();
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        string run = Directory.CreateDirectory(Path.Combine(Root, "runs", "broken-json")).FullName;
        System.IO.File.WriteAllText(Path.Combine(run, "run.json"), "{\"spec\": ");
    }

    public string Root { get; }

    public string File(string relativePath) => Path.Combine(Root, relativePath);

    public BadInputRun Run(BadInputCase badInput) => _runs.GetOrAdd(badInput.Name, _ =>
    {
        var before = Checksums(Root);
        var result = ToolkitProcess.RunIn(Root, badInput.Arguments);
        return new BadInputRun(result, before, Checksums(Root));
    });

    /// <summary>The exit code, exactly one line on stderr holding every expected word, and no file added, changed or removed.</summary>
    public void AssertOneLineError(BadInputCase badInput)
    {
        var run = Run(badInput);
        string command = "toolkit " + string.Join(' ', badInput.Arguments);
        var lines = run.Result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.True(run.Result.ExitCode == badInput.ExitCode, $"{command}: exit code {run.Result.ExitCode}, expected {badInput.ExitCode}\n{run.Result.StandardError}");
        Assert.True(lines.Length == 1, $"{command}: {lines.Length} lines on stderr, expected one\n{run.Result.StandardError}");
        Assert.True(lines[0].StartsWith("error: ") || lines[0].StartsWith("skipped: "), lines[0]);
        foreach (string expected in badInput.Expected)
            Assert.True(lines[0].Contains(expected, StringComparison.Ordinal), $"{command}: '{lines[0]}' does not hold '{expected}'");
        Assert.Equal(run.Before, run.After);
    }

    /// <summary>A .NET stack trace line ("   at Namespace.Type.Method(...)") or Spectre's shortened form ("  at void Method(...)").</summary>
    public static bool HasStackTrace(ProcessResult result) =>
        StackFrame().IsMatch(result.StandardError) || StackFrame().IsMatch(result.StandardOutput);

    public static IReadOnlyDictionary<string, string> Checksums(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(path => Path.GetRelativePath(folder, path), path => Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(path))));

    // A .NET frame is "   at Namespace.Type.Method(...)"; help text wrapped before a word "at" is not one.
    private static Regex StackFrame() => new(@"^\s+at \S+\(", RegexOptions.Multiline);

    private void WriteModels()
    {
        string models = Directory.CreateDirectory(Path.Combine(Root, "models")).FullName;
        foreach (string name in new[] { "cifar10-logreg.onnx", "cifar10-logreg.grad.onnx" })
            System.IO.File.Copy(Path.Combine(Repository.Root, "models", name), Path.Combine(models, name));

        byte[] model = System.IO.File.ReadAllBytes(Path.Combine(models, "cifar10-logreg.onnx"));
        var random = new byte[4096];
        new Random(13).NextBytes(random);
        System.IO.File.WriteAllBytes(Path.Combine(models, "random.onnx"), random);
        System.IO.File.WriteAllBytes(Path.Combine(models, "empty.onnx"), []);
        System.IO.File.WriteAllBytes(Path.Combine(models, "truncated.onnx"), model[..(model.Length / 2)]);
    }

    private void WriteImages()
    {
        string images = Directory.CreateDirectory(Path.Combine(Root, "images")).FullName;
        string sample = Path.Combine(Repository.Root, "models", "samples", "cifar10-test-00001-ship.png");
        System.IO.File.Copy(sample, Path.Combine(images, "ship.png"));
        System.IO.File.WriteAllBytes(Path.Combine(images, "huge-20000.png"), TestImages.GreyPngDeclaring(20_000, 20_000));
        System.IO.File.WriteAllBytes(Path.Combine(images, "huge-40000.png"), TestImages.GreyPngDeclaring(40_000, 40_000));
        System.IO.File.WriteAllBytes(Path.Combine(images, "grey-100.png"), TestImages.GreyPngDeclaring(100, 100));

        string mixed = Directory.CreateDirectory(Path.Combine(Root, "mixed")).FullName;
        System.IO.File.Copy(sample, Path.Combine(mixed, "ship.png"));
        System.IO.File.WriteAllBytes(Path.Combine(mixed, "huge-40000.png"), TestImages.GreyPngDeclaring(40_000, 40_000));

        Directory.CreateDirectory(Path.Combine(Root, "no-images"));
    }

    /// <summary>The intact fixture as ml-ok, and one damaged copy per way <c>data verify</c> refuses a file.</summary>
    private void WriteMovieLensFolders()
    {
        string[] lines = MovieLensFixture.Ratings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string Lines(IEnumerable<string> rows) => string.Concat(rows.Select(l => l + "\n"));

        WriteMovieLens("ml-ok", MovieLensFixture.Ratings);
        WriteMovieLens("ml-blank-line", Lines(lines[..3].Append("").Concat(lines[3..])));
        WriteMovieLens("ml-duplicate-line", Lines(lines.Append(lines[2])), info: "3 users\n4 items\n7 ratings\n");
        WriteMovieLens("ml-duplicate-pair", Lines(lines[..5].Append("3\t1\t4\t889751799")));
        WriteMovieLens("ml-info-count", MovieLensFixture.Ratings, info: "3 users\n4 items\n7 ratings\n");
        WriteMovieLens("ml-negative-rating", Lines(lines[..5].Append("3\t4\t-3\t875071561")));
        WriteMovieLens("ml-fold-duplicate", MovieLensFixture.Ratings, foldBase: Lines(lines[..3].Append(lines[0])));
    }

    private void WriteMovieLens(string name, string ratings, string info = "3 users\n4 items\n6 ratings\n", string? foldBase = null)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Root, name, "ml-100k")).FullName;
        void Write(string file, string text) => System.IO.File.WriteAllText(Path.Combine(folder, file), text, Encoding.Latin1);
        Write("u.data", ratings);
        Write("u.item", MovieLensFixture.Items);
        Write("u.info", info);
        string[] lines = MovieLensFixture.Ratings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string fold in new[] { "u1", "u2", "u3", "u4", "u5", "ua", "ub" })
        {
            Write($"{fold}.base", fold == "u1" && foldBase is not null ? foldBase : string.Concat(lines[..4].Select(l => l + "\n")));
            Write($"{fold}.test", string.Concat(lines[4..].Select(l => l + "\n")));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>All command-line tests of bad inputs share one working folder and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputs>
{
    public const string Name = "bad inputs";
}

/// <summary>The repository the tests were built from (its committed models and samples).</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (System.IO.File.Exists(Path.Combine(folder.FullName, "Toolkit.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Toolkit.sln above {AppContext.BaseDirectory}");
    }
}
