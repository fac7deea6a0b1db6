using Spectre.Console;

namespace Toolkit.Cli.Commands;

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
