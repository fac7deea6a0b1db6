using System.Text.RegularExpressions;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Rewrites Spectre.Console.Cli's parse errors so that they name what the user typed and what would work:
/// "Unknown option 'limt'." → "unknown option '--limt' for 'toolkit eval'; did you mean '--limit'?",
/// "Failed to convert 'abc' to Nullable`1." → "--threads abc: expected a whole number".
/// </summary>
public static partial class UsageErrorText
{
    [GeneratedRegex("^Unknown option '(?<name>[^']+)'")]
    private static partial Regex UnknownOptionMessage();

    [GeneratedRegex("^Unknown command '(?<name>[^']+)'")]
    private static partial Regex UnknownCommandMessage();

    [GeneratedRegex("^Failed to convert '(?<value>[^']*)' to [^.]+\\.(?<rest>.*)$")]
    private static partial Regex ConversionMessage();

    /// <summary>The rewritten message, or null to keep Spectre's.</summary>
    public static string? Describe(string message, ErrorContext context) =>
        UnknownOption(message, context) ?? UnknownCommand(message, context) ?? FailedConversion(message, context);

    private static string? UnknownOption(string message, ErrorContext context)
    {
        var match = UnknownOptionMessage().Match(message);
        if (!match.Success) return null;
        string name = match.Groups["name"].Value;
        string typed = (name.Length == 1 ? "-" : "--") + name;

        if (CommandTree.Find(context.Arguments) is not { } command) return $"unknown option '{typed}'";
        string text = $"unknown option '{typed}' for 'toolkit {command.Path}'";
        string? closest = Closest(typed, command.LongOptions);
        return (closest is null ? text : $"{text}; did you mean '{closest}'?") + $" (see 'toolkit {command.Path} --help')";
    }

    private static string? UnknownCommand(string message, ErrorContext context)
    {
        var match = UnknownCommandMessage().Match(message);
        if (!match.Success) return null;
        string typed = match.Groups["name"].Value;
        var parent = context.Arguments.TakeWhile(a => a != typed).ToList();
        string? closest = Closest(typed, CommandTree.Subcommands(parent));
        string where = parent.Count == 0 ? "toolkit" : "toolkit " + string.Join(' ', parent);
        return $"unknown command '{typed}' for '{where}'" + (closest is null ? "" : $"; did you mean '{closest}'?") + $" (see '{where} --help')";
    }

    private static string? FailedConversion(string message, ErrorContext context)
    {
        var match = ConversionMessage().Match(message);
        if (!match.Success) return null;
        string value = match.Groups["value"].Value;
        var command = CommandTree.Find(context.Arguments);
        var arguments = context.Arguments;
        int at = arguments.ToList().IndexOf(value);
        if (at >= 1 && arguments[at - 1].StartsWith('-'))
            return $"{arguments[at - 1]} {value}: expected {Expected(command, arguments[at - 1])}";

        // An option given without its value: Spectre reports a placeholder it converted in its place.
        var missing = arguments
            .Select((option, i) => (Option: option, Next: i + 1 < arguments.Count ? arguments[i + 1] : null))
            .FirstOrDefault(p => p.Option.StartsWith("--") && (p.Next is null || p.Next.StartsWith("--")) && TakesValue(command, p.Option));
        return missing.Option is null ? null : $"{missing.Option}: no value given; expected {Expected(command, missing.Option)}";
    }

    private static bool TakesValue(CommandEntry? command, string option) =>
        command?.OptionType(option) is { } type
        && (Nullable.GetUnderlyingType(type) ?? type) != typeof(bool);

    private static string Expected(CommandEntry? command, string option)
    {
        var type = command?.OptionType(option);
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "another value",
            { IsEnum: true } => string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ when type == typeof(int) => "a whole number up to 2,147,483,647",
            _ when type == typeof(long) => "a whole number",
            _ when type == typeof(uint) => "a whole number from 0",
            _ when type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ => $"a {type.Name}",
        };
    }

    /// <summary>The candidate closest to <paramref name="typed"/>, when it is close enough to be a typo of it.</summary>
    private static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (Name: c, Distance: Distance(typed, c))).MinBy(c => c.Distance);
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Name : null;
    }

    /// <summary>Levenshtein distance: the fewest single-character insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
