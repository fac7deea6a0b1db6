using Toolkit.Datasets.Mnist;

namespace Toolkit.Datasets.Verification;

public sealed class MnistCheck : IDatasetCheck
{
    public string Name => "mnist";
    public string FolderName => MnistReader.FolderName;

    public DatasetReport Check(string folder)
    {
        var train = MnistReader.ReadSplit(folder, train: true);
        var test = MnistReader.ReadSplit(folder, train: false);
        return DatasetReport.Passed(Name, folder,
            ("train", train.Count, DatasetCheck.Named(MnistImages.ClassNames, train.CountPerClass())),
            ("test", test.Count, DatasetCheck.Named(MnistImages.ClassNames, test.CountPerClass())));
    }
}
