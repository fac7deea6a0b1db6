namespace Toolkit.Inference.Attacks;

/// <summary>A <see cref="GradientModel"/> with output buffers for one batch: d loss / d input at given pixels and labels.</summary>
public sealed class InputGradients(GradientModel model, int capacity)
{
    private readonly GradientResult _result = GradientResult.For(model, capacity);

    public int InputSize => model.Info.InputSize;

    /// <summary>The gradient of each example's loss against its label; valid until the next call.</summary>
    public ReadOnlySpan<float> At(float[] input, long[] labels, int count)
    {
        model.Run(input, labels, count, _result);
        return _result.InputGradient.AsSpan(0, count * InputSize);
    }
}
