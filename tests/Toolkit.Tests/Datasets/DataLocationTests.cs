using Toolkit.Datasets;
using Xunit;

namespace Toolkit.Tests.Datasets;

// TOOLKIT_DATA itself is not changed here: the real-data tests read it while other tests run.
public sealed class DataLocationTests
{
    [Fact]
    public void DataOptionComesFirst()
    {
        var location = DataLocation.Resolve("some/where");

        Assert.Equal(Path.GetFullPath("some/where"), location.Root);
        Assert.Equal("--data", location.Source);
        Assert.Equal(Path.Combine(location.Root, "mnist"), location.Folder("mnist"));
    }

    [Fact]
    public void PerUserDefaultIsBelowTheUsersApplicationData()
    {
        Assert.EndsWith(Path.Combine("toolkit", "data"), DataLocation.DefaultRoot);
    }
}
