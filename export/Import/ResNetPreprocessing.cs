using Onnx;

namespace Toolkit.Export.Import;

/// <summary>
/// What ResNetPreprocess.onnx does before the pretrained ResNet18: Split the RGB input into channels, Concat them
/// as BGR, and subtract a 224x224 mean image (per-channel averages about 103.1, 115.9, 123.2 for B, G, R) from
/// pixels in [0, 255]; no scaling by a standard deviation. <see cref="RgbUnitMeanStd"/> expresses that for
/// [0, 1] RGB pixels as (x - mean) / std, with the mean image averaged per channel, for a network whose stem
/// takes RGB.
/// </summary>
public static class ResNetPreprocessing
{
    public static (float[] Mean, float[] Std) RgbUnitMeanStd(ModelProto preprocess)
    {
        var graph = preprocess.Graph;
        string[] ops = graph.Node.Select(n => n.OpType).ToArray();
        if (!ops.SequenceEqual(["Split", "Concat", "Sub"]))
            throw new InvalidDataException($"unexpected preprocessing graph: [{string.Join(", ", ops)}] instead of Split, Concat, Sub");
        var split = graph.Node[0];
        var concat = graph.Node[1];
        // Concat(B, G, R) of Split's (R, G, B) outputs reverses the channels.
        if (!concat.Input.SequenceEqual(split.Output.Reverse()))
            throw new InvalidDataException("the preprocessing graph's Concat does not reverse the channels");
        var sub = graph.Node[2];
        var meanImage = graph.Initializer.FirstOrDefault(t => t.Name == sub.Input[1])
            ?? throw new InvalidDataException($"the preprocessing Sub's mean '{sub.Input[1]}' is not an initializer");
        long[] dims = meanImage.Dims.ToArray();
        if (dims.Length != 4 || dims[1] != 3) throw new InvalidDataException($"mean image is [{string.Join(", ", dims)}], expected [1, 3, H, W]");
        float[] values = OnnxWeightImporter.FloatValues(meanImage);
        long plane = dims[2] * dims[3];
        float[] bgr = Enumerable.Range(0, 3).Select(c => (float)values.Skip((int)(c * plane)).Take((int)plane).Average(v => (double)v)).ToArray();
        float[] rgbUnit = bgr.Reverse().Select(v => v / 255f).ToArray();
        return (rgbUnit, [1 / 255f, 1 / 255f, 1 / 255f]);
    }
}
