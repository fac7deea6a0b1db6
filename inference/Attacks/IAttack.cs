namespace Toolkit.Inference.Attacks;

/// <summary>
/// A gradient-sign attack in the L-infinity norm. Untargeted attacks climb the loss of the true label; targeted
/// ones descend the loss of the target label. Adversarial images stay within eps of the clean ones and in [0, 1].
/// </summary>
public interface IAttack
{
    /// <summary>Short name for tables and plots, e.g. <c>fgsm</c> or <c>pgd-10</c>.</summary>
    string Name { get; }

    /// <summary>Gradient-graph runs per image, for throughput.</summary>
    int GradientSteps { get; }

    /// <summary>
    /// Writes the adversarial versions of the first <paramref name="count"/> images of <paramref name="clean"/> into
    /// <paramref name="adversarial"/>; <paramref name="labels"/> are true labels, or targets when <paramref name="targeted"/>.
    /// </summary>
    void Perturb(InputGradients gradients, float[] clean, long[] labels, int count, float eps, bool targeted, float[] adversarial);
}
