using Microsoft.ML.OnnxRuntime;
using Toolkit.Datasets;
using Toolkit.Inference.Images;

namespace Toolkit.Cli.Commands;

/// <summary>What the error report knows about the call: the arguments and --verbose.</summary>
public sealed record ErrorContext(IReadOnlyList<string> Arguments, bool Verbose);

/// <summary>
/// Turns an exception into one plain line on stderr (never wrapped, so scripts can grep it) and an exit code:
/// 2 for a wrong command line, 1 for everything else. A .NET stack trace follows only with --verbose, or for
/// an exception no user input explains (a bug, reported as one).
/// </summary>
public static class ErrorReport
{
    public const int UsageError = 2;
    public const int Failure = 1;

    public static int Print(Exception exception, ErrorContext context)
    {
        exception = Unwrap(exception);
        int code;
        switch (exception)
        {
            case CommandAppException usage:
                Line(UsageErrorText.Describe(usage.Message, context) ?? usage.Message);
                code = UsageError;
                break;
            case DataFormatException or ImageDecodeException or System.Text.Json.JsonException or FileNotFoundException or DirectoryNotFoundException or IOException or InvalidDataException
                or InvalidOperationException or ArgumentException or NotSupportedException or UnauthorizedAccessException:
                Line(exception.Message);
                code = Failure;
                break;
            case OnnxRuntimeException onnx:
                Line($"ONNX Runtime: {FirstLine(onnx.Message)}");
                code = Failure;
                break;
            default:
                Line($"internal error ({exception.GetType().Name}): {FirstLine(exception.Message)}; please report it with the trace below");
                ConsoleLine.ErrorConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
                return Failure;
        }
        if (context.Verbose) ConsoleLine.ErrorConsole.WriteException(exception, ExceptionFormats.ShortenEverything);
        return code;
    }

    private static void Line(string message) => ConsoleLine.Error($"[red]error:[/] {Markup.Escape(message.ReplaceLineEndings(" "))}");

    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
}
