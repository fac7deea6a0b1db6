using System.Globalization;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// Attack strengths in [0, 1] pixel units: one value (<c>0.025</c>), a list (<c>0.01,0.025</c>) or an inclusive
/// range <c>start:stop:step</c> (<c>0:0.1:0.005</c>).
/// </summary>
public static class Epsilons
{
    /// <summary>Most strengths one run may plan: each is a pass over the data set per method.</summary>
    public const int MaxCount = 1_000;

    public static IReadOnlyList<float> Parse(string text)
    {
        var values = text.Contains(':') ? Range(text) : text.Split(',').Select(Number).ToList();
        if (values.Count > MaxCount) throw new ArgumentException($"--eps: {values.Count} values; at most {MaxCount} are allowed");
        if (values.Count == 0 || values.Any(v => v < 0 || v > 1 || float.IsNaN(v)))
            throw new ArgumentException($"--eps {text}: every eps must lie in [0, 1] (pixel units)");
        return values;
    }

    private static List<float> Range(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3) throw new ArgumentException($"--eps {text}: a range is start:stop:step");
        decimal start = Decimal(parts[0]), stop = Decimal(parts[1]), step = Decimal(parts[2]);
        if (step <= 0 || stop < start) throw new ArgumentException($"--eps {text}: need start <= stop and step > 0");
        if (start < 0 || stop > 1) throw new ArgumentException($"--eps {text}: every eps must lie in [0, 1] (pixel units)");
        decimal count = decimal.Floor((stop - start) / step) + 1;
        if (count > MaxCount) throw new ArgumentException($"--eps {text}: {count:0} values; at most {MaxCount} are allowed");
        // Decimal steps, so 0:0.1:0.005 ends exactly at 0.1 instead of missing it by a rounding error.
        var values = new List<float>();
        for (decimal value = start; value <= stop; value += step) values.Add((float)value);
        return values;
    }

    private static float Number(string text) => (float)Decimal(text);

    private static decimal Decimal(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value)
            ? value
            : throw new ArgumentException($"--eps: '{text}' is not a number");
}
