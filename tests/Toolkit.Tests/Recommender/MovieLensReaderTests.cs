using Toolkit.Datasets;
using Toolkit.Datasets.MovieLens;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class MovieLensReaderTests
{
    [Theory]
    [InlineData("1\t2\t3\t881250949\n2\t3\t4\n", 2, "expected 4 tab-separated fields")]
    [InlineData("1\t2\t3\t881250949\n944\t3\t4\t881250949\n", 2, "user id 944 out of range 1-943")]
    [InlineData("1\t2\t3\t881250949\n\n3\t3\t4\t881250949\n", 2, "blank line")]
    [InlineData("1\t2\t3\t881250949\n1\t2\t3\t881250949\n", 2, "user 1 rated movie 2 already on line 1")]
    [InlineData("1\t2\t-3\t881250949\n", 1, "rating -3 out of range 1-5")]
    [InlineData("1\t2\t6\t881250949\n", 1, "rating 6 out of range 1-5")]
    [InlineData("1\tx\t3\t881250949\n", 1, "movie id 'x' is not a whole number")]
    [InlineData("1\t2\t3\tsoon\n", 1, "timestamp 'soon' is not a whole number")]
    public void MalformedRatingLinesNameTheirLine(string text, int line, string problem)
    {
        var error = Assert.Throws<DataFormatException>(() => MovieLensReader.ParseRatings(new StringReader(text), "u.data"));
        Assert.Equal($"line {line}", error.Location);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"u.data: line {line}: ", error.Message);
    }

    [Fact]
    public void IdsBecomeZeroBased()
    {
        var ratings = MovieLensReader.ParseRatings(new StringReader("196\t242\t3\t881250949\n"), "u.data");
        Assert.Equal(new Rating(195, 241, 3, 881250949), Assert.Single(ratings));
    }
}
