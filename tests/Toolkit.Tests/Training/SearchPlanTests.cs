using Toolkit.Training.Search;
using Xunit;

namespace Toolkit.Tests.Training;

public sealed class SearchPlanTests
{
    [Fact]
    public void SteppedGridIncludesItsEnd()
    {
        var spec = ParameterSpec.Parse("hidden", "100:240:20");

        Assert.Equal([100, 120, 140, 160, 180, 200, 220, 240], spec.GridValues());
    }

    [Fact]
    public void GridIsTheProductOfTheListedValues()
    {
        var trials = TrialPlanner.Plan([ParameterSpec.Parse("lr", "1e-2,1e-3,1e-4"), ParameterSpec.Parse("hidden", "100,200")],
            SearchKind.Grid, trials: 0, seed: 1);

        Assert.Equal(6, trials.Count);
        Assert.Contains(trials, t => t.Values["lr"] == 1e-3 && t.Values["hidden"] == 200);
    }

    [Fact]
    public void RandomTrialsStayInTheirRangesAndRepeatWithTheSeed()
    {
        ParameterSpec[] specs = [ParameterSpec.Parse("o1", "100:200"), ParameterSpec.Parse("lr", "1e-4:1e-2")];

        var first = TrialPlanner.Plan(specs, SearchKind.Random, trials: 20, seed: 3);
        var again = TrialPlanner.Plan(specs, SearchKind.Random, trials: 20, seed: 3);

        Assert.Equal(20, first.Count);
        Assert.All(first, t => Assert.InRange(t.Values["o1"], 100, 199));
        Assert.All(first, t => Assert.Equal(Math.Floor(t.Values["o1"]), t.Values["o1"]));
        Assert.All(first, t => Assert.InRange(t.Values["lr"], 1e-4, 1e-2));
        Assert.Equal(first.Select(t => t.Values["o1"]), again.Select(t => t.Values["o1"]));
    }

    [Fact]
    public void SeveralValuesWithoutASearchAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TrialPlanner.Plan([ParameterSpec.Parse("lr", "1e-2,1e-3")], SearchKind.None, trials: 1, seed: 1));

        Assert.Contains("--lr", error.Message);
    }
}
