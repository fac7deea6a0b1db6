namespace Toolkit.Datasets.Verification;

/// <summary>A check of a classification data set with a train and a test split: reads both, counts per class.</summary>
public abstract class SplitCountCheck(string name, string folderName, IReadOnlyList<string> classNames) : IDatasetCheck
{
    public string Name => name;
    public string FolderName => folderName;

    /// <summary>Reads one split completely and counts its items per class, in <c>classNames</c> order.</summary>
    protected abstract int[] CountPerClass(string folder, bool train);

    public DatasetReport Check(string folder) =>
        DatasetReport.Passed(Name, folder, Split(folder, "train", train: true), Split(folder, "test", train: false));

    private (string, int, IReadOnlyDictionary<string, int>) Split(string folder, string split, bool train)
    {
        int[] counts = CountPerClass(folder, train);
        return (split, counts.Sum(), DatasetCheck.Named(classNames, counts));
    }
}
