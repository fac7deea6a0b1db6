using System.Globalization;

namespace Toolkit.Training.Search;

/// <summary>
/// The values one hyperparameter may take: one value (<c>1e-3</c>), a list (<c>1e-2,1e-3,1e-4</c>), a
/// stepped range with its end included (<c>100:240:20</c>), or a range to sample from (<c>100:200</c>,
/// end excluded for integers).
/// </summary>
public sealed record ParameterSpec(string Name, IReadOnlyList<double> Values, double? RangeStart, double? RangeEnd)
{
    /// <summary>Most values a grid may list: a typo in its step must not plan millions of trials.</summary>
    public const int MaxPoints = 1_000;

    public bool IsSingle => RangeStart is null && Values.Count == 1;
    public bool IsSampledRange => RangeStart is not null;

    public static ParameterSpec Parse(string name, string text)
    {
        string[] colon = text.Split(':');
        if (colon.Length == 2)
            return new ParameterSpec(name, [], Number(name, colon[0]), Number(name, colon[1]));
        if (colon.Length == 3)
            return new ParameterSpec(name, Stepped(name, Number(name, colon[0]), Number(name, colon[1]), Number(name, colon[2])), null, null);
        if (colon.Length == 1)
            return new ParameterSpec(name, text.Split(',').Select(v => Number(name, v)).ToList(), null, null);
        throw new ArgumentException($"--{name} '{text}': use a value, a list a,b,c, a grid start:end:step or a range start:end");
    }

    /// <summary>The values a grid search tries.</summary>
    public IReadOnlyList<double> GridValues() => IsSampledRange
        ? throw new ArgumentException($"--{Name} {RangeStart}:{RangeEnd} is a range to sample from; a grid needs a list or start:end:step")
        : Values;

    /// <summary>One random value: log-uniform for ranges of positive reals spanning a decade or more, else uniform; integers when both ends are.</summary>
    public double Sample(Random random)
    {
        if (!IsSampledRange) return Values[random.Next(Values.Count)];
        double start = RangeStart!.Value, end = RangeEnd!.Value;
        if (IsInteger(start) && IsInteger(end)) return random.NextInt64((long)start, (long)end);
        if (start > 0 && end / start >= 10)
            return Math.Exp(Math.Log(start) + random.NextDouble() * (Math.Log(end) - Math.Log(start)));
        return start + random.NextDouble() * (end - start);
    }

    private static List<double> Stepped(string name, double start, double end, double step)
    {
        if (step <= 0 || end < start) throw new ArgumentException($"--{name}: grid {start}:{end}:{step} needs start <= end and a positive step");
        double count = Math.Floor((end - start) / step + 1e-9) + 1;
        if (count > MaxPoints)
            throw new ArgumentException($"--{name}: grid {start}:{end}:{step} has {count:0} points; at most {MaxPoints} are allowed");
        var values = new List<double>();
        for (int i = 0; start + i * step <= end + step * 1e-9; i++) values.Add(start + i * step);
        return values;
    }

    private static double Number(string name, string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new ArgumentException($"--{name}: '{text}' is not a number");

    private static bool IsInteger(double value) => value == Math.Floor(value);
}
