using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Baselines;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class SplitTests
{
    [Fact]
    public void PermutedPartsFollowThePermutationAndFraction()
    {
        var ratings = Enumerable.Range(0, 10).Select(i => new Rating(i, i, 1, i)).ToList();
        var (first, remainder) = Splitter.PermutedParts(ratings, 1, 0.3);
        int[] order = new NumPyLegacyRandom(1).Permutation(10);
        Assert.Equal(order.Take(7), first.Select(r => r.User));
        Assert.Equal(order.Skip(7), remainder.Select(r => r.User));
    }

    [Fact]
    public void RejectsATestFractionOutsideZeroToOne()
    {
        var ratings = new[] { new Rating(0, 0, 1, 0) };
        Assert.Throws<ArgumentException>(() => Splitter.PermutedParts(ratings, 1, 1.5));
    }

    [MovieLensDataFact]
    public void ReferenceSplitPutsNumPysFirstIndicesInTrain()
    {
        var all = MovieLensReader.ReadRatings(Path.Combine(MovieLensDataFactAttribute.Folder, "u.data"));
        var split = Splitter.Create(SplitSpec.ReferenceSplit, MovieLensDataFactAttribute.Folder);
        Assert.Equal(80_000, split.Train.Count);
        Assert.Equal(20_000, split.Test.Count);
        Assert.Equal(all[43660], split.Train[0]);
        Assert.Equal(all[87278], split.Train[1]);
        Assert.Equal(all[9507], split.Train[9]);
    }

    [MovieLensDataFact]
    public void PerMovieMeanGivesTheReferenceTestMse()
    {
        var split = Splitter.Create(SplitSpec.ReferenceSplit, MovieLensDataFactAttribute.Folder);
        var model = new MovieMeanTrainer().Fit(new RatingMatrix(split.Train), new FitContext(0));
        Assert.Equal(1.0636, ErrorMetrics.Of(model, split.Test).Mse, 4);
    }

    [MovieLensDataFact]
    public void FoldsAndRandomSplitHaveTheirSizes()
    {
        var u1 = Splitter.Create(new SplitSpec("u1"), MovieLensDataFactAttribute.Folder);
        Assert.Equal((80_000, 20_000), (u1.Train.Count, u1.Test.Count));
        var ua = Splitter.Create(new SplitSpec("ua"), MovieLensDataFactAttribute.Folder);
        Assert.Equal(9_430, ua.Test.Count);
        var random = Splitter.Create(new SplitSpec(SplitSpec.Random, 7, 0.1), MovieLensDataFactAttribute.Folder);
        Assert.Equal((90_000, 10_000), (random.Train.Count, random.Test.Count));
    }
}
