using System.Globalization;
using Toolkit.Inference.Sessions;

namespace Toolkit.Pipelines.Options;

/// <summary>
/// The ranges options may take, in one place, so that every workflow and command says the same thing about the same
/// kind of option: the option's name, the value given and the range allowed. Each check returns the problem, or null
/// when the value is fine; <see cref="First"/> picks the first problem of a list.
/// </summary>
public static class OptionRules
{
    /// <summary>Thread pools beyond this only add switching (and libtorch aborts natively on absurd counts).</summary>
    public static int MaxThreads => Environment.ProcessorCount * 4;

    /// <summary>Images per inference batch: 16,384 CIFAR images are 200 MB of float input already.</summary>
    public const int MaxBatch = 16_384;

    /// <summary>The highest --max-pixels: 1 gigapixel is 4 GB of RGBA once decoded.</summary>
    public const long MaxPixels = 1_000_000_000;

    /// <summary>Units or channels of one layer.</summary>
    public const int MaxLayerSize = 65_536;

    /// <summary>Epochs, steps, sweeps and rounds: far more than any run here needs, far less than "forever".</summary>
    public const int MaxCount = 1_000_000;

    public static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    public static string? Range(string option, long? value, long min, long max) =>
        value is long v && (v < min || v > max) ? $"{option} {v}: expected {Describe(min, max)}" : null;

    /// <summary>A value read as a number (from a list or a grid) that must be a whole number in range.</summary>
    public static string? WholeNumber(string option, double value, long min, long max)
    {
        if (value != Math.Floor(value)) return $"{option} {Text(value)}: expected a whole number";
        return value < min || value > max ? $"{option} {Text(value)}: expected {Describe(min, max)}" : null;
    }

    /// <summary>A thread count; with <paramref name="zeroMeansDefault"/>, 0 asks for the default.</summary>
    public static string? Threads(string option, int? value, bool zeroMeansDefault)
    {
        if (value is not int n || (zeroMeansDefault && n == 0)) return null;
        if (n >= 1 && n <= MaxThreads) return null;
        string allowed = $"1 to {MaxThreads} (4 per core)";
        return $"{option} {n}: expected {(zeroMeansDefault ? "0 (the default) or " : "")}{allowed}";
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    public static string? Between(string option, double? value, double min, double max) =>
        value is double v && !(v >= min && v <= max) ? $"{option} {Text(v)}: expected {Text(min)} to {Text(max)}" : null;

    public static string? Positive(string option, double? value) =>
        value is double v && !(v > 0 && double.IsFinite(v)) ? $"{option} {Text(v)}: expected a number above 0" : null;

    public static string? NotNegative(string option, double? value) =>
        value is double v && !(v >= 0 && double.IsFinite(v)) ? $"{option} {Text(v)}: expected a number of at least 0" : null;

    public static string? Momentum(string option, double value) =>
        value is >= 0 and < 1 ? null : $"{option} {Text(value)}: expected 0 up to (not including) 1";

    /// <summary>A share strictly between 0 and 1 (or up to 1 with <paramref name="oneAllowed"/>).</summary>
    public static string? Fraction(string option, double? value, bool oneAllowed = false) =>
        value is double v && !(v > 0 && (oneAllowed ? v <= 1 : v < 1))
            ? $"{option} {Text(v)}: expected a fraction above 0 and {(oneAllowed ? "at most" : "below")} 1"
            : null;

    /// <summary>Every item of a comma-separated list must parse as <typeparamref name="T"/> and satisfy <paramref name="rule"/>.</summary>
    public static string? List<T>(string option, string text, Func<T, string?> rule) where T : IParsable<T>
    {
        var items = Items(text);
        if (items.Length == 0) return $"{option} '{text}': expected a comma-separated list";
        foreach (string item in items)
        {
            if (!T.TryParse(item, CultureInfo.InvariantCulture, out var value)) return $"{option} '{text}': '{item}' is not {KindOf<T>()}";
            if (rule(value) is string problem) return problem;
        }
        return null;
    }

    /// <summary>The items of a comma-separated list that <see cref="List{T}"/> accepted.</summary>
    public static IReadOnlyList<T> Values<T>(string text) where T : IParsable<T> =>
        Items(text).Select(item => T.Parse(item, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The items of a comma-separated list, trimmed, empty ones left out.</summary>
    public static string[] Items(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An ONNX Runtime device: auto, cpu or cuda.</summary>
    public static string? Device(string device)
    {
        try
        {
            ExecutionDeviceParser.Parse(device);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>A file the command writes as PNG must be named so: a typo must not turn a model file into an image.</summary>
    public static string? PngPath(string option, string? path) =>
        path is not null && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? $"{option} {path}: expected a .png file name (the file is written as PNG)"
            : null;

    private static string KindOf<T>() =>
        typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "a whole number" : typeof(T) == typeof(double) ? "a number" : $"a {typeof(T).Name}";

    private static string Describe(long min, long max) => max >= int.MaxValue
        ? $"at least {min.ToString("N0", CultureInfo.InvariantCulture)}"
        : $"{min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}";

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
