namespace Toolkit.Inference.Attacks;

/// <summary>Fast gradient sign method: x + eps sign(grad), one gradient per image.</summary>
public sealed class Fgsm : IAttack
{
    public string Name => "fgsm";

    public int GradientSteps => 1;

    public void Perturb(InputGradients gradients, float[] clean, long[] labels, int count, float eps, bool targeted, float[] adversarial)
    {
        int length = count * gradients.InputSize;
        if (eps == 0)
        {
            clean.AsSpan(0, length).CopyTo(adversarial);
            return;
        }
        var gradient = gradients.At(clean, labels, count);
        var from = clean.AsSpan(0, length);
        SignStep.Apply(from, from, gradient, targeted ? -eps : eps, eps, adversarial.AsSpan(0, length));
    }
}
