using System.Text.Json.Serialization;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// One attack strength: accuracy under attack, success rate, perturbation norms and speed. Seconds include
/// classifying the adversarial images; AttackSeconds only their making.
/// </summary>
public sealed record EpsilonResult(
    double Eps,
    double Accuracy,
    double SuccessRate,
    double MeanLinf,
    double MeanL2,
    double Seconds,
    double AttackSeconds,
    double AttackImagesPerSecond);

/// <summary>One method's accuracy-against-eps curve; throughput counts only eps > 0 and only the perturbing.</summary>
public sealed record MethodCurve(string Method, int GradientSteps, IReadOnlyList<EpsilonResult> Points, double AttackImagesPerSecond, double ThroughputVsEval);

/// <summary>A correctly classified image that the attack made change class, for the example grid.</summary>
public sealed record AttackExample(
    int Index,
    string Truth,
    string Before,
    string After,
    [property: JsonIgnore] float[] Clean,
    [property: JsonIgnore] float[] Adversarial);

public sealed record AttackReport(
    string Model,
    string Dataset,
    string Provider,
    int Images,
    string Target,
    double CleanAccuracy,
    double EvalImagesPerSecond,
    IReadOnlyList<MethodCurve> Methods,
    double ExampleEps,
    IReadOnlyList<AttackExample> Examples);
