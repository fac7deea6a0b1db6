using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit export RUN --out models/NAME.onnx</c>: re-exports a run folder's checkpoint.</summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run folder (or search folder: its best trial).")]
        public string Run { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("The ONNX file to write; the model card goes beside it as .json.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string output = settings.Out ?? Path.Combine("models", Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Run)) + ".onnx");
        var result = CifarModelExport.Export(settings.Run, output, settings.Location);
        if (settings.Json) Json.Print(result);
        else TrainingReport.PrintExport(result);
        return 0;
    }
}
