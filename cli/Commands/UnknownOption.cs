using System.Text.RegularExpressions;

namespace Toolkit.Cli.Commands;

/// <summary>"unknown option '--limt' for 'eval'; did you mean '--limit'?" from Spectre's "Unknown option 'limt'."</summary>
public static partial class UnknownOption
{
    [GeneratedRegex("^Unknown option '(?<name>[^']+)'")]
    private static partial Regex SpectreMessage();

    /// <summary>The message with the closest option of the typed command, or null when it is not about an unknown option.</summary>
    public static string? Describe(string spectreMessage, ErrorContext context)
    {
        var match = SpectreMessage().Match(spectreMessage);
        if (!match.Success) return null;
        string name = match.Groups["name"].Value;
        string typed = (name.Length == 1 ? "-" : "--") + name;

        var command = context.Catalog.Find(context.Arguments);
        if (command is not { } found) return $"unknown option '{typed}'";
        string message = $"unknown option '{typed}' for 'toolkit {found.Path}'";
        string? closest = found.Options.MinBy(option => Distance(typed, option));
        return closest is null ? message : $"{message}; did you mean '{closest}'? (see 'toolkit {found.Path} --help')";
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
