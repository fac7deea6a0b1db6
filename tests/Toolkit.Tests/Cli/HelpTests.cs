using System.Xml.Linq;
using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>--help renders for every command and branch of the command tree (descriptions are Spectre markup).</summary>
public sealed class HelpTests
{
    [Fact]
    public void EveryCommandAndBranchRendersItsHelp()
    {
        var paths = CommandPaths();
        Assert.Contains(["transfer"], paths);
        Assert.Contains(["transfer", "export"], paths);

        var failures = new List<string>();
        foreach (var path in paths)
        {
            var app = new CommandLineApp();
            string command = $"toolkit {string.Join(' ', path)} --help";
            try
            {
                int exit = app.Run([.. path, "--help"]);
                if (exit != 0 || !app.Output.Contains("USAGE:")) failures.Add($"{command}: exit {exit}, no usage");
            }
            catch (Exception e)
            {
                failures.Add($"{command}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every command and branch, as the words that name it, from Spectre's own model of the tree.</summary>
    private static List<string[]> CommandPaths()
    {
        var app = new CommandLineApp();
        Assert.Equal(0, app.Run("cli", "xmldoc"));
        var model = XDocument.Parse(app.Output);
        var paths = new List<string[]>();
        void Walk(XElement parent, string[] prefix)
        {
            foreach (var command in parent.Elements("Command"))
            {
                string[] path = [.. prefix, command.Attribute("Name")!.Value];
                paths.Add(path);
                Walk(command, path);
            }
        }
        Walk(model.Root!, []);
        Assert.True(paths.Count > 20, $"only {paths.Count} commands found");
        return paths;
    }
}
