using System.Text;
using Spectre.Console.Cli;
using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>
/// Every <c>./toolkit</c> line in README.md's code blocks names a command and only options that command has (strict
/// parsing; the files it names need not exist here).
/// </summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void EveryReadmeCommandLineParses()
    {
        var lines = ReadmeCommandLines();
        Assert.True(lines.Count > 30, $"only {lines.Count} command lines found");

        var failures = new List<string>();
        foreach (string line in lines)
        {
            try
            {
                new CommandLineApp().Run([.. Words(line)]);
                failures.Add($"{line}: ran no command");
            }
            catch (CommandLineApp.Parsed)
            {
            }
            catch (CommandParseException e)
            {
                failures.Add($"{line}: {e.Message}");
            }
            catch (CommandRuntimeException)
            {
                // Parsed and bound; a file the line names (models/..., photo.jpg) is not there from here.
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void AnUnknownOptionOrCommandFailsToParse()
    {
        Assert.Throws<CommandParseException>(() => new CommandLineApp().Run("eval", "models/cifar10-lenet.onnx", "--limt", "10"));
        Assert.ThrowsAny<CommandAppException>(() => new CommandLineApp().Run("evaluate", "models/cifar10-lenet.onnx"));
    }

    /// <summary>The toolkit invocations of README.md's code blocks, continuation lines joined and comments removed.</summary>
    private static List<string> ReadmeCommandLines()
    {
        var commands = new List<string>();
        bool inCode = false;
        string pending = "";
        foreach (string raw in File.ReadAllLines(Path.Combine(Repository.Root, "README.md")))
        {
            if (raw.TrimStart().StartsWith("```", StringComparison.Ordinal)) { inCode = !inCode; continue; }
            if (!inCode) continue;
            string line = pending + WithoutComment(raw).Trim();
            pending = line.EndsWith('\\') ? line[..^1] + " " : "";
            if (pending.Length > 0) continue;
            foreach (string command in line.Split(';'))
                if (command.Trim().StartsWith("./toolkit ", StringComparison.Ordinal)) commands.Add(command.Trim()["./toolkit ".Length..]);
        }
        return commands;
    }

    private static string WithoutComment(string line)
    {
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\'') quoted = !quoted;
            if (line[i] == '#' && !quoted && (i == 0 || line[i - 1] == ' ')) return line[..i];
        }
        return line;
    }

    /// <summary>The words of a shell command line: split at spaces, single quotes keep spaces.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool quoted = false, any = false;
        foreach (char c in line)
        {
            if (c == '\'') { quoted = !quoted; any = true; continue; }
            if (c == ' ' && !quoted)
            {
                if (any) words.Add(word.ToString());
                word.Clear();
                any = false;
                continue;
            }
            word.Append(c);
            any = true;
        }
        if (any) words.Add(word.ToString());
        return words;
    }
}
