using Toolkit.Datasets.Cifar;

namespace Toolkit.Datasets.Verification;

public sealed class CifarCheck : IDatasetCheck
{
    public string Name => "cifar10";
    public string FolderName => CifarReader.FolderName;

    public DatasetReport Check(string folder)
    {
        var train = CifarReader.ReadSplit(folder, train: true);
        var test = CifarReader.ReadSplit(folder, train: false);
        return new DatasetReport(Name, folder, true, null,
            new Dictionary<string, int> { ["train"] = train.Count, ["test"] = test.Count },
            new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                ["train"] = DatasetCheck.Named(CifarImages.ClassNames, train.CountPerClass()),
                ["test"] = DatasetCheck.Named(CifarImages.ClassNames, test.CountPerClass()),
            },
            new Dictionary<string, string>());
    }
}
