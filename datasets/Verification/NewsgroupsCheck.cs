using Toolkit.Datasets.Newsgroups;

namespace Toolkit.Datasets.Verification;

public sealed class NewsgroupsCheck() : SplitCountCheck("20newsgroups", NewsgroupsReader.FolderName, NewsgroupsReader.GroupNames)
{
    protected override int[] CountPerClass(string folder, bool train) =>
        NewsgroupsReader.CountPerGroup(NewsgroupsReader.ReadSplit(folder, train));
}
