using Onnx;

namespace Toolkit.Export.Transfer;

/// <summary>
/// What the featurizer package's <c>ResNetPreprocess.onnx</c> does to a [1, 3, 224, 224] image of 0-255 pixels:
/// split the channels, concatenate them in reverse (RGB to BGR) and subtract a per-pixel mean image.
/// </summary>
public sealed record ResNetPreprocessing(int[] ChannelOrder, float[] MeanImage, int MeanSize)
{
    /// <summary>The package's graph takes 0-255 pixels (ML.NET's pixel extractor default); toolkit inputs are [0, 1].</summary>
    public const float PixelScale = 255f;

    /// <summary>Reads and checks the package's graph; fails if it is not the Split, Concat, Sub chain described above.</summary>
    public static ResNetPreprocessing Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: preprocessing graph not found", path);
        var graph = OnnxFiles.Read(path).Graph;
        string[] ops = graph.Node.Select(n => n.OpType).ToArray();
        if (!ops.SequenceEqual(["Split", "Concat", "Sub"]))
            throw new InvalidDataException($"{path}: expected nodes Split, Concat, Sub; found {string.Join(", ", ops)}");

        var split = graph.Node[0];
        var concat = graph.Node[1];
        var sub = graph.Node[2];
        int[] order = concat.Input.Select(name => split.Output.IndexOf(name)).ToArray();
        if (order.Length != 3 || order.Any(i => i < 0))
            throw new InvalidDataException($"{path}: Concat does not join the three Split outputs");
        if (sub.Input[0] != concat.Output[0])
            throw new InvalidDataException($"{path}: Sub does not take the Concat output first");

        var mean = graph.Initializer.FirstOrDefault(t => t.Name == sub.Input[1])
            ?? throw new InvalidDataException($"{path}: no initializer '{sub.Input[1]}' for the mean image");
        long[] dims = mean.Dims.ToArray();
        if (dims.Length != 4 || dims[0] != 1 || dims[1] != 3 || dims[2] != dims[3])
            throw new InvalidDataException($"{path}: mean image has shape [{string.Join(",", dims)}], expected [1,3,S,S]");
        return new ResNetPreprocessing(order, FloatValues(mean), checked((int)dims[2]));
    }

    /// <summary>The mean image at another size, bilinear with half-pixel centres (the same sampling as ONNX Resize).</summary>
    public float[] MeanImageAt(int size) => size == MeanSize ? MeanImage : Bilinear.Resize(MeanImage, 3, MeanSize, size);

    /// <summary>
    /// The same per channel, for [0, 1] RGB pixels as (x − mean) / std: each channel's mean-image average / 255 and
    /// std 1/255. Used where a network's own first layers normalize (fine-tuning) and as a model card's summary.
    /// </summary>
    public (float[] Mean, float[] Std) RgbUnitMeanStd()
    {
        int plane = MeanSize * MeanSize;
        var mean = new float[3];
        for (int bgr = 0; bgr < 3; bgr++)
            mean[ChannelOrder[bgr]] = (float)(MeanImage.AsSpan(bgr * plane, plane).ToArray().Average(v => (double)v) / PixelScale);
        return (mean, Enumerable.Repeat(1f / PixelScale, 3).ToArray());
    }

    private static float[] FloatValues(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"mean image '{tensor.Name}' is not float32");
        if (tensor.FloatData.Count > 0) return tensor.FloatData.ToArray();
        var values = new float[tensor.RawData.Length / sizeof(float)];
        Buffer.BlockCopy(tensor.RawData.ToByteArray(), 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
