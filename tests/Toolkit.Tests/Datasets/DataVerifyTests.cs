using Toolkit.Datasets;
using Toolkit.Datasets.Verification;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

public sealed class DataVerifyTests : TempFolderTest
{

    [Fact]
    public void ChecksAreTheFourDataSetsInOrder()
    {
        Assert.Equal(["mnist", "cifar10", "movielens", "20newsgroups"], DatasetCheck.All.Select(c => c.Name));
    }

    [Fact]
    public void SelectedKeepsTheOrderAndRefusesUnknownNames()
    {
        Assert.Equal(["cifar10", "movielens"], DatasetCheck.Selected(["movielens", "cifar10"]).Select(c => c.Name));
        Assert.Equal(4, DatasetCheck.Selected([]).Count);
        var error = Assert.Throws<ArgumentException>(() => DatasetCheck.Selected(["mnist", "imagenet"]));
        Assert.StartsWith("unknown data set imagenet; known: mnist, cifar10", error.Message);
    }

    [Fact]
    public void EveryCheckPassesOnWellFormedFixtures()
    {
        WriteAllFixtures();

        var reports = DatasetCheck.All.Select(c => DatasetCheck.Run(c, new DataLocation(Temp.Path, "test"))).ToList();

        Assert.All(reports, r => Assert.True(r.Ok, r.Problem));
        Assert.Equal(30, reports[0].CountPerSplit["train"]);
        Assert.Equal(3, reports[0].CountPerClass["train"]["9"]);
        Assert.Equal(12, reports[1].CountPerSplit["test"]);
        Assert.Equal(2, reports[3].CountPerClass["test"]["comp.graphics"]);
    }

    [Fact]
    public void MissingFolderIsReportedWithTheDownloadCommand()
    {
        var report = DatasetCheck.Run(new MnistCheck(), new DataLocation(Temp.Path, "test"));

        Assert.False(report.Ok);
        Assert.Contains("toolkit data download mnist", report.Problem);
    }

    [Fact]
    public void CommandLinePrintsOneLineNamingTheCutFileAndFails()
    {
        WriteAllFixtures();
        string labels = Path.Combine(Temp.Path, "mnist", "t10k-labels-idx1-ubyte.gz");
        byte[] bytes = File.ReadAllBytes(labels);
        File.WriteAllBytes(labels, bytes[..(bytes.Length / 2)]);

        var result = ToolkitProcess.Run("data", "verify", "--data", Temp.Path);
        var (exitCode, output) = (result.ExitCode, result.StandardOutput + result.StandardError);

        Assert.Equal(1, exitCode);
        string line = Assert.Single(output.Split('\n'), l => l.Contains("t10k-labels-idx1-ubyte.gz"));
        Assert.StartsWith("mnist in ", line);
        Assert.Contains("truncated?", line);
        Assert.Contains("cifar10 in " + Path.Combine(Temp.Path, "cifar-10") + ": OK", output);
    }

    private void WriteAllFixtures()
    {
        IdxFixture.WriteFolder(Temp, trainCount: 30, testCount: 10, gzip: true);
        CifarFixture.WriteArchive(Temp, recordsPerBatch: 12);
        MovieLensFixture.Write(Temp);
        NewsgroupsFixture.WriteArchive(Temp);
    }
}
