namespace Toolkit.Datasets;

/// <summary>A class-balanced subset that keeps the data's order: the first examples of each class, up to equal quotas.</summary>
public static class StratifiedSubset
{
    /// <summary>Indices of the first <paramref name="size"/> examples taken class by class in equal shares (the first classes take any remainder).</summary>
    public static int[] FirstPerClass(IReadOnlyList<byte> labels, int size, int classes)
    {
        if (size <= 0 || size > labels.Count)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"a subset must hold 1 to {labels.Count} examples");
        var quota = Enumerable.Range(0, classes).Select(c => size / classes + (c < size % classes ? 1 : 0)).ToArray();
        var taken = new List<int>(size);
        for (int i = 0; i < labels.Count && taken.Count < size; i++)
        {
            if (quota[labels[i]] == 0) continue;
            quota[labels[i]]--;
            taken.Add(i);
        }
        if (taken.Count < size)
            throw new ArgumentException($"the data hold too few examples of some class for a balanced subset of {size}");
        return taken.ToArray();
    }
}
