using System.Diagnostics;

namespace Toolkit.Tests;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Runs the built <c>toolkit</c> command line as a separate process, as a user would.</summary>
public static class ToolkitProcess
{
    public static ProcessResult Run(params string[] arguments) => RunIn(Environment.CurrentDirectory, arguments);

    /// <summary>Runs it with <paramref name="workingDirectory"/> as the current folder, where relative paths and default outputs go.</summary>
    public static ProcessResult RunIn(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "toolkit.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"toolkit {string.Join(' ', arguments)} did not finish in 3 minutes");
        }
        return new ProcessResult(process.ExitCode, output.Result, error.Result);
    }
}
