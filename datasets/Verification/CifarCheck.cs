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
        return DatasetReport.Passed(Name, folder,
            ("train", train.Count, DatasetCheck.Named(CifarImages.ClassNames, train.CountPerClass())),
            ("test", test.Count, DatasetCheck.Named(CifarImages.ClassNames, test.CountPerClass())));
    }
}
