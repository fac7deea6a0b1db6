using System.Text;
using Toolkit.Datasets;
using Toolkit.Datasets.MovieLens;
using Toolkit.Datasets.Verification;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class MovieLensReaderTests : TempFolderTest
{

    [Fact]
    public void ReadsRatingsAndMovies()
    {
        string folder = MovieLensFixture.Write(Temp);

        var data = MovieLensReader.Read(folder);

        Assert.Equal(6, data.Ratings.Count);
        Assert.Equal(new Rating(0, 0, 5, 874965758), data.Ratings[0]);
        Assert.Equal(4, data.Movies.Count);
        Assert.Equal("Caf\u00e9 (1996)", data.Movies[2].Title);
        Assert.Equal(["Animation", "Children's", "Comedy"], data.Movies[0].Genres);
    }

    [Fact]
    public void ReadsAFold()
    {
        string folder = MovieLensFixture.Write(Temp);

        var (train, test) = MovieLensReader.ReadFold(folder, "u3");

        Assert.Equal(4, train.Count);
        Assert.Equal(2, test.Count);
    }

    [Theory]
    [InlineData("1\t1\t5\n", "expected 4 tab-separated fields")]
    [InlineData("1 1 5 874965758\n", "found 1")]
    [InlineData("1\tx\t5\t874965758\n", "movie id 'x' is not a whole number")]
    [InlineData("944\t1\t5\t874965758\n", "user id 944 out of range 1-943")]
    [InlineData("1\t1683\t5\t874965758\n", "movie id 1683 out of range 1-1682")]
    [InlineData("1\t1\t0\t874965758\n", "rating 0 out of range 1-5")]
    [InlineData("1\t1\t5\t-874965758\n", "timestamp")]
    [InlineData("1\t1\t5\t874965758", "last line does not end with a line break")]
    public void RejectsMalformedRatingLine(string badLine, string problem)
    {
        string folder = MovieLensFixture.Write(Temp, ratings: "1\t2\t3\t876893171\n2\t3\t4\t878542960\n" + badLine);
        string path = Path.Combine(folder, "u.data");

        DataAssert.Fails(() => MovieLensReader.ReadRatings(path), path, "line 3", problem);
    }

    [Fact]
    public void RejectsRatingsFileCutAtALineBreak()
    {
        string cut = string.Concat(MovieLensFixture.Ratings.Split('\n').Take(5).Select(l => l + "\n"));
        string folder = MovieLensFixture.Write(Temp, ratings: cut);

        DataAssert.Fails(() => MovieLensReader.Read(folder), Path.Combine(folder, "u.data"), "end of file",
            "5 ratings but u.info promises 6");
    }

    [Fact]
    public void RejectsEmptyRatingsFile()
    {
        string folder = MovieLensFixture.Write(Temp, ratings: "");

        DataAssert.Fails(() => MovieLensReader.Read(folder), Path.Combine(folder, "u.data"), "line 1", "no ratings");
    }

    [Theory]
    [InlineData("5|Short|01-Jan-1995||url|0|1\n", "expected 24 '|'-separated fields")]
    [InlineData("7|Skips|01-Jan-1995||url|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n", "movie id 7 out of order")]
    [InlineData("5|Flag|01-Jan-1995||url|0|0|0|0|0|2|0|0|0|0|0|0|0|0|0|0|0|0|0\n", "genre flag '2'")]
    public void RejectsMalformedMovieLine(string badLine, string problem)
    {
        string folder = MovieLensFixture.Write(Temp, items: MovieLensFixture.Items + badLine);
        string path = Path.Combine(folder, "u.item");

        DataAssert.Fails(() => MovieLensReader.ReadMovies(path), path, "line 5", problem);
    }

    [Fact]
    public void CheckRejectsFoldThatDoesNotCoverEveryRating()
    {
        string folder = MovieLensFixture.Write(Temp);
        File.WriteAllText(Path.Combine(folder, "ub.test"), "3\t1\t2\t889751712\n", Encoding.ASCII);

        var report = DatasetCheck.Run(new MovieLensCheck(), new DataLocation(Temp.Path, "test"));

        Assert.False(report.Ok);
        Assert.Contains("ub.test", report.Problem);
        Assert.Contains("the fold holds 5 ratings but u.info promises 6", report.Problem);
    }

    [Fact]
    public void CheckReportsCounts()
    {
        MovieLensFixture.Write(Temp);

        var report = DatasetCheck.Run(new MovieLensCheck(), new DataLocation(Temp.Path, "test"));

        Assert.True(report.Ok, report.Problem);
        Assert.Equal(6, report.CountPerSplit["ratings"]);
        Assert.Equal(2, report.CountPerSplit["u1.test"]);
        Assert.Equal("3", report.Details["users"]);
    }
}
