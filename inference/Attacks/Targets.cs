namespace Toolkit.Inference.Attacks;

/// <summary>What a targeted attack aims for: one class for every image, or a random class other than each image's own.</summary>
public sealed record Targets(int? Class, bool Random)
{
    public static readonly Targets None = new(null, false);

    public bool IsTargeted => Class is not null || Random;

    public string Describe(IReadOnlyList<string> classes) =>
        Random ? "random class" : Class is int c ? $"class {c} ({classes[c]})" : "none (untargeted)";

    /// <summary>Parses <c>--targeted</c>: a class index, a class name or <c>random</c>; absent means untargeted.</summary>
    public static Targets Parse(string? text, IReadOnlyList<string> classes)
    {
        if (text is null) return None;
        if (text.Equals("random", StringComparison.OrdinalIgnoreCase)) return new Targets(null, true);
        int index = int.TryParse(text, out int number) ? number : classes.ToList().FindIndex(c => c.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (index < 0 || index >= classes.Count)
            throw new ArgumentException($"--targeted {text}: expected random, a class index 0-{classes.Count - 1} or one of {string.Join(", ", classes)}");
        return new Targets(index, false);
    }

    /// <summary>The label each image's attack uses: its true label when untargeted, else its target.</summary>
    public long[] LabelsFor(IReadOnlyList<byte> trueLabels, int classCount, int seed)
    {
        var random = new Random(seed);
        return trueLabels.Select(label => (long)(
            Random ? (label + 1 + random.Next(classCount - 1)) % classCount
            : Class ?? label)).ToArray();
    }
}
