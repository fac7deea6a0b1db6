using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;
using Toolkit.Datasets.MovieLens;
using Toolkit.Datasets.Newsgroups;
using Toolkit.Tests.Datasets.Fixtures;
using Xunit;

namespace Toolkit.Tests.Datasets;

/// <summary>The real data sets under TOOLKIT_DATA hold the official counts, split by split and class by class.</summary>
public sealed class RealDataTests
{
    [RealDataFact]
    public void MnistHasTheOfficialCounts()
    {
        string folder = RealDataFactAttribute.Folder(MnistReader.FolderName);

        var train = MnistReader.ReadSplit(folder, train: true);
        var test = MnistReader.ReadSplit(folder, train: false);

        Assert.Equal(60_000, train.Count);
        Assert.Equal(10_000, test.Count);
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], train.CountPerClass());
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], test.CountPerClass());
    }

    [RealDataFact]
    public void CifarHasTheOfficialCounts()
    {
        string folder = RealDataFactAttribute.Folder(CifarReader.FolderName);

        var train = CifarReader.ReadSplit(folder, train: true);
        var test = CifarReader.ReadSplit(folder, train: false);

        Assert.Equal(50_000, train.Count);
        Assert.Equal(10_000, test.Count);
        Assert.All(train.CountPerClass(), count => Assert.Equal(5000, count));
        Assert.All(test.CountPerClass(), count => Assert.Equal(1000, count));
        Assert.Equal([6, 9, 9, 4, 1, 1, 2, 7, 8, 3], train.Labels[..10]);
        Assert.Equal([3, 8, 8, 0, 6, 6, 1, 6, 3, 1], test.Labels[..10]);
    }

    [RealDataFact]
    public void MovieLensHasTheOfficialCounts()
    {
        string folder = RealDataFactAttribute.Folder(MovieLensData.FolderName);

        var data = MovieLensReader.Read(folder);

        Assert.Equal(100_000, data.Ratings.Count);
        Assert.Equal(943, data.Ratings.Select(r => r.User).Distinct().Count());
        Assert.Equal(1682, data.Ratings.Select(r => r.Movie).Distinct().Count());
        Assert.Equal(1682, data.Movies.Count);
        foreach (string fold in MovieLensData.Folds)
        {
            var (train, test) = MovieLensReader.ReadFold(folder, fold);
            Assert.Equal(100_000, train.Count + test.Count);
            Assert.Equal(fold.StartsWith("u") && char.IsDigit(fold[1]) ? 20_000 : 9_430, test.Count);
        }
    }

    [RealDataFact]
    public void NewsgroupsHasThePublishedCounts()
    {
        string folder = RealDataFactAttribute.Folder(NewsgroupsReader.FolderName);

        var train = NewsgroupsReader.ReadSplit(folder, train: true);
        var test = NewsgroupsReader.ReadSplit(folder, train: false);

        Assert.Equal(11_314, train.Count);
        Assert.Equal(7_532, test.Count);
        Assert.Equal([480, 584, 591, 590, 578, 593, 585, 594, 598, 597, 600, 595, 591, 594, 593, 599, 546, 564, 465, 377],
            NewsgroupsReader.CountPerGroup(train));
        Assert.Equal([319, 389, 394, 392, 385, 395, 390, 396, 398, 397, 399, 396, 393, 396, 394, 398, 364, 376, 310, 251],
            NewsgroupsReader.CountPerGroup(test));
        Assert.Contains('\r', test.Single(d => d.Group == "comp.graphics" && d.Id == 39009).Text);
    }
}
