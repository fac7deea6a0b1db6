namespace Toolkit.Cli.Commands;

/// <summary>The command line as the user typed it, recorded in run folders and model cards.</summary>
public static class CommandLine
{
    public static string Echo() => "toolkit " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
}
