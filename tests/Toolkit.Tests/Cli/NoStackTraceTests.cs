using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>No bad input of the pixel, option, damaged-file and MovieLens cases makes a command print a .NET stack trace.</summary>
[Collection(BadInputCollection.Name)]
public sealed class NoStackTraceTests(BadInputs inputs)
{
    private static readonly BadInputCase[] All =
    [
        .. PixelLimitCommandTests.Cases, .. OptionValidationCommandTests.Cases,
        .. OneLineErrorCommandTests.Cases, .. MovieLensFileCommandTests.Cases,
    ];

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void NoStackTrace(string name)
    {
        var result = inputs.Run(All.Single(c => c.Name == name)).Result;

        Assert.False(BadInputs.HasStackTrace(result), $"{name}:\n{result.StandardError}\n{result.StandardOutput}");
        Assert.DoesNotContain("   at ", result.StandardError);
    }
}
