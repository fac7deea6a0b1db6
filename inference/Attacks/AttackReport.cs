using System.Text.Json.Serialization;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// One attack strength: accuracy under attack, success rate, perturbation norms and speed. Seconds is the whole
/// pass; AttackSeconds the making of the adversarial images; EvalSeconds their classification by plain forward
/// passes, batch for batch between the attack's, so both rates see the same machine load.
/// </summary>
public sealed record EpsilonResult(
    double Eps,
    double Accuracy,
    double SuccessRate,
    double MeanLinf,
    double MeanL2,
    double Seconds,
    double AttackSeconds,
    double EvalSeconds,
    double AttackImagesPerSecond);

/// <summary>
/// One method's accuracy-against-eps curve. Throughput over the points with eps > 0: images attacked per second,
/// against images classified per second by plain evaluation of the same model interleaved with the attack.
/// </summary>
public sealed record MethodCurve(
    string Method,
    int GradientSteps,
    IReadOnlyList<EpsilonResult> Points,
    double AttackImagesPerSecond,
    double EvalImagesPerSecond,
    double ThroughputVsEval);

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
