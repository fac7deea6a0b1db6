namespace Toolkit.Datasets.Io;

public static class LabelCounts
{
    /// <summary>How many labels fall in each class 0..classes-1; labels are assumed already validated.</summary>
    public static int[] PerClass(IEnumerable<byte> labels, int classes)
    {
        var counts = new int[classes];
        foreach (byte label in labels) counts[label]++;
        return counts;
    }

    /// <summary>The index of the first label that is not below <paramref name="classes"/>, or -1.</summary>
    public static int FirstOutOfRange(ReadOnlySpan<byte> labels, int classes)
    {
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classes) return i;
        return -1;
    }
}
