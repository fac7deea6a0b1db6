using Toolkit.Pipelines.Outputs;

namespace Toolkit.Cli.Commands;

/// <summary>The one way commands print JSON: the reports' JSON form (camelCase, indented, enums as strings).</summary>
public static class Json
{
    public static void Print<T>(T value) => Console.Out.WriteLine(ReportJson.Serialize(value));

    /// <summary>Prints <paramref name="value"/> as JSON with --json, else runs <paramref name="print"/> (the form for people); exit code 0.</summary>
    public static int PrintOr<T>(bool json, T value, Action print)
    {
        if (json) Print(value);
        else print();
        return 0;
    }
}

/// <summary>
/// Prints one line of markup. Spectre wraps at 80 columns when output is not a terminal, so there the plain text
/// is written unwrapped: a script or log gets each message, such as an error naming a file, on one line.
/// </summary>
public static class ConsoleLine
{
    public static void Out(string markup)
    {
        if (Console.IsOutputRedirected) Console.Out.WriteLine(Markup.Remove(markup));
        else AnsiConsole.MarkupLine(markup);
    }

    public static void Error(string markup)
    {
        if (Console.IsErrorRedirected) Console.Error.WriteLine(Markup.Remove(markup));
        else ErrorConsole.MarkupLine(markup);
    }

    public static IAnsiConsole ErrorConsole =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}

/// <summary>The tables commands print for people: one row of markup cells per item.</summary>
public static class Tables
{
    public static void Print<T>(IEnumerable<T> items, string[] columns, Func<T, string[]> cells, string? title = null)
    {
        var table = new Table().AddColumns(columns);
        if (title is not null) table.Title(title);
        foreach (var item in items) table.AddRow(cells(item));
        AnsiConsole.Write(table);
    }

    /// <summary>A metrics table of an export, the metric names and values of its model card.</summary>
    public static void Metrics(IReadOnlyDictionary<string, double> metrics, string title) =>
        Print(metrics, ["metric", "value"], m => [m.Key, m.Value.ToString("G6")], title);
}

/// <summary>Writes progress lines with the elapsed time to stderr, so that stdout stays a table or JSON.</summary>
public sealed class StderrProgress : IProgress<string>
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public void Report(string value) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:F1} s] {value}"));
}
