using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Cli.Commands;

namespace Toolkit.Tests.Cli;

/// <summary>
/// The toolkit's command tree in this process, with strict parsing and exceptions propagated, its output captured;
/// commands are parsed and bound but never executed.
/// </summary>
public sealed class CommandLineApp
{
    private readonly StringWriter _output = new();
    private readonly CommandApp _app = new();

    public CommandLineApp()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        _app.Configure(config =>
        {
            CommandTree.Register(config);
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            config.PropagateExceptions();
            config.SetInterceptor(new StopBeforeExecution());
        });
    }

    public string Output => _output.ToString();

    /// <summary>
    /// Parses, binds and validates a command line; throws <see cref="Parsed"/> when it names a toolkit command,
    /// <see cref="CommandParseException"/> for unknown commands or options.
    /// </summary>
    public int Run(params string[] arguments) => _app.Run(arguments);

    /// <summary>Thrown once a command line has been parsed and its settings bound, instead of running the command.</summary>
    public sealed class Parsed(string command) : Exception($"parsed: {command}")
    {
        public string Command { get; } = command;
    }

    private sealed class StopBeforeExecution : ICommandInterceptor
    {
        // Spectre's own commands (cli xmldoc) run; the toolkit's stop here.
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            if (settings.GetType().Assembly == typeof(CommandTree).Assembly) throw new Parsed(context.Name);
        }
    }
}
