using Toolkit.Training.Data;
using static TorchSharp.torch;

namespace Toolkit.Tests.Training;

/// <summary>A tiny learnable image set: the label is the channel that is brighter than the others, plus noise.</summary>
internal static class SyntheticImages
{
    public static ImageTensors Create(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 3 * 32 * 32];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            int label = i % 3;
            labels[i] = label;
            for (int c = 0; c < 3; c++)
                for (int p = 0; p < 1024; p++)
                    pixels[(i * 3 + c) * 1024 + p] = (byte)((c == label ? 150 : 90) + random.Next(-40, 40));
        }
        return new ImageTensors(tensor(pixels, [count, 3, 32, 32]), tensor(labels));
    }
}
