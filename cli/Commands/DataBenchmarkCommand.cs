using Toolkit.Pipelines.Datasets;

namespace Toolkit.Cli.Commands;

/// <summary>Times reading the large image splits into memory, the cost every training run pays first.</summary>
public sealed class DataBenchmarkCommand : Command<DataBenchmarkCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--repeat <N>"), Description("Times to read each split; the best and the mean are reported. Default 3.")]
        public int Repeat { get; init; } = 3;

        public override ValidationResult Validate() =>
            Validation.Check(OptionRules.Range("--repeat", Repeat, 1, OptionRules.MaxCount)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var timings = ReadTiming.Run(settings.Location, settings.Repeat);
        if (settings.Json) Json.Print(new { root = settings.Location.Root, repeat = settings.Repeat, timings });
        else
        {
            var table = new Table().AddColumn("split");
            foreach (string column in new[] { "images", "best s", "mean s", "mean CPU s" }) table.AddColumn(new TableColumn(column).RightAligned());
            foreach (var t in timings)
                table.AddRow(t.Name, t.Images.ToString("N0"), t.BestSeconds.ToString("F3"), t.MeanSeconds.ToString("F3"), t.MeanCpuSeconds.ToString("F3"));
            AnsiConsole.Write(table);
        }
        return 0;
    }
}
