using Toolkit.Datasets.Mnist;

namespace Toolkit.Datasets.Verification;

public sealed class MnistCheck() : SplitCountCheck("mnist", MnistReader.FolderName, MnistImages.ClassNames)
{
    protected override int[] CountPerClass(string folder, bool train) => MnistReader.ReadSplit(folder, train).CountPerClass();
}
