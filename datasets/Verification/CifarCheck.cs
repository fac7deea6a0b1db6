using Toolkit.Datasets.Cifar;

namespace Toolkit.Datasets.Verification;

public sealed class CifarCheck() : SplitCountCheck("cifar10", CifarReader.FolderName, CifarImages.ClassNames)
{
    protected override int[] CountPerClass(string folder, bool train) => CifarReader.ReadSplit(folder, train).CountPerClass();
}
