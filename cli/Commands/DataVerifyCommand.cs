using Toolkit.Datasets.Verification;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit data verify</c>: every data set read completely, with counts per split and class, or its problem.</summary>
public sealed class DataVerifyCommand : Command<DataVerifyCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "[NAMES]"), Description("Data sets to check (default: all).")]
        public string[] Names { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var location = settings.Location;
        var reports = DatasetCheck.Selected(settings.Names).Select(c => DatasetCheck.Run(c, location)).ToList();
        if (settings.Json)
            Json.Print(new { root = location.Root, source = location.Source, datasets = reports });
        else
            PrintTables(location.Root, location.Source, reports);
        return reports.All(r => r.Ok) ? 0 : ErrorReport.Failure;
    }

    private static void PrintTables(string root, string source, IReadOnlyList<DatasetReport> reports)
    {
        ConsoleLine.Out($"Data folder: [bold]{Markup.Escape(root)}[/] (from {Markup.Escape(source)})");
        foreach (var report in reports)
        {
            string status = report.Ok ? "[green]OK[/]" : $"[red]{Markup.Escape(report.Problem ?? "failed")}[/]";
            AnsiConsole.WriteLine();
            ConsoleLine.Out($"[bold]{report.Name}[/] in {Markup.Escape(report.Folder)}: {status}");
            if (!report.Ok) continue;
            var table = new Table().AddColumn("split").AddColumn(new TableColumn("count").RightAligned());
            foreach (var (split, count) in report.CountPerSplit) table.AddRow(split, count.ToString("N0"));
            foreach (var (key, value) in report.Details) table.AddRow(key, value);
            AnsiConsole.Write(table);
            if (report.CountPerClass.Count > 0) AnsiConsole.Write(PerClassTable(report.CountPerClass));
        }
    }

    /// <summary>One row per class and one column per split, so that 20 long class names still fit a terminal.</summary>
    private static Table PerClassTable(IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> countPerClass)
    {
        var table = new Table().AddColumn("class");
        foreach (string split in countPerClass.Keys) table.AddColumn(new TableColumn(Markup.Escape(split)).RightAligned());
        foreach (string name in countPerClass.Values.SelectMany(c => c.Keys).Distinct())
        {
            var cells = countPerClass.Values.Select(c => c.TryGetValue(name, out int n) ? n.ToString("N0") : "");
            table.AddRow([Markup.Escape(name), .. cells]);
        }
        return table;
    }
}
