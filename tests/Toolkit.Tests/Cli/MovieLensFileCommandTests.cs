using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>compare and recommend refuse the MovieLens files data verify refuses, with the file and line named.</summary>
[Collection(BadInputCollection.Name)]
public sealed class MovieLensFileCommandTests(BadInputs inputs)
{
    private static string[] Recommend(string folder) => ["movielens", "recommend", "--user", "1", "--rank", "1", "--data", folder];

    public static readonly BadInputCase[] Cases =
    [
        new("recommend with a blank line", Recommend("ml-blank-line"), 1, "ml-blank-line/ml-100k/u.data: line 4", "blank line"),
        new("recommend with a duplicated line", Recommend("ml-duplicate-line"), 1,
            "ml-duplicate-line/ml-100k/u.data: line 7", "user 2 rated movie 3 already on line 3"),
        new("recommend with a duplicate (user, movie) pair", Recommend("ml-duplicate-pair"), 1,
            "ml-duplicate-pair/ml-100k/u.data: line 6", "user 3 rated movie 1 already on line 5"),
        new("recommend with a count u.info does not promise", Recommend("ml-info-count"), 1,
            "ml-info-count/ml-100k/u.data", "6 ratings but u.info promises 7"),
        new("recommend with a rating of -3", Recommend("ml-negative-rating"), 1,
            "ml-negative-rating/ml-100k/u.data: line 6", "rating -3 out of range 1-5"),
        new("compare with a blank line", ["movielens", "compare", "--split", "reference", "--no-tune", "--data", "ml-blank-line"], 1,
            "ml-blank-line/ml-100k/u.data: line 4", "blank line"),
        new("compare on a fold with a duplicate pair", ["movielens", "compare", "--split", "u1", "--no-tune", "--data", "ml-fold-duplicate"], 1,
            "ml-fold-duplicate/ml-100k/u1.base: line 4", "already on line 1"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void DamagedRatingsAreOneLineAndChangeNothing(string name) =>
        inputs.AssertOneLineError(Cases.Single(c => c.Name == name));

    [Theory]
    [InlineData("ml-blank-line", "blank line")]
    [InlineData("ml-duplicate-pair", "already on line 5")]
    [InlineData("ml-info-count", "u.info promises 7")]
    [InlineData("ml-negative-rating", "out of range 1-5")]
    public void DataVerifyRefusesTheSameFiles(string folder, string problem)
    {
        var result = ToolkitProcess.RunIn(inputs.Root, "data", "verify", "movielens", "--data", folder, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(problem, result.StandardOutput + result.StandardError);
    }

    /// <summary>The damaged folders differ from this one only by their damage.</summary>
    [Fact]
    public void IntactFilesPassTheSameChecks()
    {
        var result = ToolkitProcess.RunIn(inputs.Root, "data", "verify", "movielens", "--data", "ml-ok", "--json");

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
    }
}
