namespace Toolkit.Inference.Attacks;

/// <summary>Parses the command line's attack names: <c>fgsm</c>, <c>pgd</c>, or a comma-separated list to compare.</summary>
public static class AttackMethods
{
    public static IReadOnlyList<IAttack> Parse(string text, int steps, float? alpha, bool randomStart, int seed)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new ArgumentException("--method names no attack; expected fgsm, pgd or fgsm,pgd");
        return names.Select(name => name.ToLowerInvariant() switch
        {
            "fgsm" => (IAttack)new Fgsm(),
            "pgd" => new Pgd(steps, alpha, randomStart, seed),
            _ => throw new ArgumentException($"unknown attack '{name}'; expected fgsm or pgd"),
        }).ToList();
    }
}
