using Toolkit.Datasets.Cifar;
using Toolkit.Datasets.Mnist;
using Toolkit.Datasets.MovieLens;
using Toolkit.Datasets.Newsgroups;

namespace Toolkit.Datasets.Download;

/// <summary>
/// Where each data set's official files are published. A sha256 is given only where it was taken from an
/// official file; the others are null, and a download reports the hash it computed rather than claim a check.
/// </summary>
public static class OfficialSources
{
    private const string MnistHome = "http://yann.lecun.com/exdb/mnist/";
    // The copy torchvision downloads from, for when the home page refuses scripted downloads.
    private const string MnistMirror = "https://ossci-datasets.s3.amazonaws.com/mnist/";

    public static readonly IReadOnlyList<DatasetSource> All =
    [
        new("mnist",
        [
            Mnist("train-images-idx3-ubyte.gz", null),
            Mnist("train-labels-idx1-ubyte.gz", "ec02e7948609e5754d47881c09b8afdd8dfa60600b9e5388c8c54a67069ec772"),
            Mnist("t10k-images-idx3-ubyte.gz", "167310007f03058885c7e95e6c0b19c20de5c7fd3031f4cbdadc9014a523d80b"),
            Mnist("t10k-labels-idx1-ubyte.gz", "fc607395669ec21321ea83e4b82c0544b7e8e63ff5b34337c06bc0a17cc0da3c"),
        ]),
        new("cifar10",
        [
            One(CifarReader.FolderName, CifarReader.ArchiveName, "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
        ]),
        new("movielens",
        [
            new SourceFile("ml-100k.zip", [new Uri("https://files.grouplens.org/datasets/movielens/ml-100k.zip")], null),
        ], ExtractedFolder: MovieLensData.FolderName),
        new("20newsgroups",
        [
            One(NewsgroupsReader.FolderName, NewsgroupsReader.ArchiveName, "http://qwone.com/~jason/20Newsgroups/20news-bydate.tar.gz"),
        ]),
    ];

    public static DatasetSource Find(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown data set '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}");

    private static SourceFile Mnist(string file, string? sha256) =>
        new(Path.Combine(MnistReader.FolderName, file), [new Uri(MnistHome + file), new Uri(MnistMirror + file)], sha256);

    private static SourceFile One(string folder, string file, string url) =>
        new(Path.Combine(folder, file), [new Uri(url)], null);
}
