using Toolkit.Datasets;
using Xunit;

namespace Toolkit.Tests.Datasets.Fixtures;

public static class DataAssert
{
    /// <summary>
    /// Asserts that reading fails with a <see cref="DataFormatException"/> (not an index or end-of-stream error)
    /// that names the file, the place, and the problem.
    /// </summary>
    public static DataFormatException Fails(Action read, string file, string location, string problem)
    {
        var error = Assert.Throws<DataFormatException>(read);
        Assert.Contains(file, error.File);
        Assert.StartsWith(location, error.Location);
        Assert.Contains(problem, error.Problem);
        Assert.DoesNotContain('\n', error.Message);
        return error;
    }
}
