using Toolkit.Datasets.Newsgroups;

namespace Toolkit.Datasets.Verification;

public sealed class NewsgroupsCheck : IDatasetCheck
{
    public string Name => "20newsgroups";
    public string FolderName => NewsgroupsReader.FolderName;

    public DatasetReport Check(string folder)
    {
        var train = NewsgroupsReader.ReadSplit(folder, train: true);
        var test = NewsgroupsReader.ReadSplit(folder, train: false);
        return DatasetReport.Passed(Name, folder,
            ("train", train.Count, DatasetCheck.Named(NewsgroupsReader.GroupNames, NewsgroupsReader.CountPerGroup(train))),
            ("test", test.Count, DatasetCheck.Named(NewsgroupsReader.GroupNames, NewsgroupsReader.CountPerGroup(test))));
    }
}
