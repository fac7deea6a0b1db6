using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets;

namespace Toolkit.Cli.Commands;

/// <summary>Turns an exception into one plain line on stderr (never wrapped, so scripts can grep it) and an exit code.</summary>
public static class ErrorReport
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static int Print(Exception exception)
    {
        switch (exception)
        {
            case CommandAppException usage:
                ConsoleLine.Error($"[red]error:[/] {Markup.Escape(usage.Message)}");
                return UsageError;
            case DataFormatException or FileNotFoundException or DirectoryNotFoundException or IOException or InvalidDataException
                or InvalidOperationException or ArgumentException or NotSupportedException or UnauthorizedAccessException:
                ConsoleLine.Error($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return Failure;
            default:
                ConsoleLine.ErrorConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
                return Failure;
        }
    }
}
