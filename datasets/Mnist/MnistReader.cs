using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.Mnist;

/// <summary>
/// Reads MNIST from its official IDX files (<c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
/// <c>t10k-*</c>), gzip-compressed or not.
/// </summary>
public static class MnistReader
{
    public const string FolderName = "mnist";
    public const int ImagesMagic = 0x0803;
    public const int LabelsMagic = 0x0801;

    public static string ImagesFileName(bool train) => $"{SplitPrefix(train)}-images-idx3-ubyte";
    public static string LabelsFileName(bool train) => $"{SplitPrefix(train)}-labels-idx1-ubyte";

    /// <summary>Reads the train (60,000) or test (10,000) split from a data set folder.</summary>
    public static MnistImages ReadSplit(string folder, bool train)
    {
        string imagesPath = Locate(folder, ImagesFileName(train));
        string labelsPath = Locate(folder, LabelsFileName(train));
        var images = ReadImagesFile(imagesPath);
        var labels = ReadLabelsFile(labelsPath);
        if (labels.Dimensions[0] != images.Dimensions[0])
            throw labels.Error(4, $"{labels.Dimensions[0]} labels for the {images.Dimensions[0]} images of {Path.GetFileName(imagesPath)}");
        return new MnistImages(images.Data, labels.Data);
    }

    /// <summary>The pixels of an IDX3 image file whose images are 28x28.</summary>
    public static byte[] ReadImages(string path) => ReadImagesFile(path).Data;

    /// <summary>The labels of an IDX1 label file, each checked to be 0-9.</summary>
    public static byte[] ReadLabels(string path) => ReadLabelsFile(path).Data;

    private static IdxFile ReadImagesFile(string path)
    {
        var idx = IdxFile.Read(path, ImagesMagic);
        if (idx.Dimensions[1] != MnistImages.Rows || idx.Dimensions[2] != MnistImages.Columns)
            throw idx.Error(8,
                $"images are {idx.Dimensions[1]}x{idx.Dimensions[2]}; MNIST images are {MnistImages.Rows}x{MnistImages.Columns}");
        return idx;
    }

    private static IdxFile ReadLabelsFile(string path)
    {
        var idx = IdxFile.Read(path, LabelsMagic);
        int bad = LabelCounts.FirstOutOfRange(idx.Data, MnistImages.ClassNames.Count);
        if (bad >= 0)
            throw idx.Error(8 + bad, $"label {idx.Data[bad]} of item {bad} is not in 0-9");
        return idx;
    }

    private static string SplitPrefix(bool train) => train ? "train" : "t10k";

    private static string Locate(string folder, string name)
    {
        foreach (string candidate in new[] { name + ".gz", name })
        {
            string path = Path.Combine(folder, candidate);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"MNIST file {name}(.gz) not found in {folder} (try 'toolkit data download mnist')", Path.Combine(folder, name));
    }
}
