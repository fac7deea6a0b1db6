namespace Toolkit.Inference.Attacks;

/// <summary>Counts what one attack strength did to a whole data set, batch by batch.</summary>
public sealed class AttackTally(bool targeted)
{
    private int _images, _correct, _candidates, _successes;
    private double _linf, _l2;

    public double PerturbSeconds { get; set; }
    public double ClassifySeconds { get; set; }

    /// <summary>
    /// Adds one image. Untargeted success: a correctly classified image changes class. Targeted success: an
    /// image of another class is classified as the target.
    /// </summary>
    public void Add(int truth, int cleanPrediction, long attackLabel, int adversarialPrediction, ReadOnlySpan<float> clean, ReadOnlySpan<float> adversarial)
    {
        _images++;
        if (adversarialPrediction == truth) _correct++;
        bool candidate = targeted ? truth != attackLabel : cleanPrediction == truth;
        if (candidate)
        {
            _candidates++;
            if (targeted ? adversarialPrediction == attackLabel : adversarialPrediction != truth) _successes++;
        }
        AddNorms(clean, adversarial);
    }

    public EpsilonResult Result(float eps, double seconds) => new(
        eps,
        Ratio(_correct, _images),
        Ratio(_successes, _candidates),
        _linf / Math.Max(1, _images),
        _l2 / Math.Max(1, _images),
        seconds,
        PerturbSeconds,
        ClassifySeconds,
        PerturbSeconds > 0 ? _images / PerturbSeconds : 0);

    private void AddNorms(ReadOnlySpan<float> clean, ReadOnlySpan<float> adversarial)
    {
        double max = 0, squares = 0;
        for (int i = 0; i < clean.Length; i++)
        {
            double d = adversarial[i] - clean[i];
            max = Math.Max(max, Math.Abs(d));
            squares += d * d;
        }
        _linf += max;
        _l2 += Math.Sqrt(squares);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : part / (double)whole;
}
