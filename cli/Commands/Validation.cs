namespace Toolkit.Cli.Commands;

/// <summary>Turns the first problem the option checks found into the command line's validation error.</summary>
public static class Validation
{
    public static ValidationResult? Check(params string?[] problems) =>
        OptionRules.First(problems) is string problem ? ValidationResult.Error(problem) : null;
}
