using Toolkit.Datasets;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;
using ImagePrediction = Toolkit.Inference.Prediction.Prediction;

namespace Toolkit.Inference.Attacks;

public sealed record SingleImageResult(ImagePrediction Before, ImagePrediction After, float[] Adversarial, double Linf);

/// <summary>
/// Attacks one image: untargeted against the class the model predicts for it, or towards a target. "After" is
/// the prediction for the adversarial image as an 8-bit PNG stores it, which is what <c>predict</c> will see.
/// </summary>
public static class SingleImageAttack
{
    public static SingleImageResult Run(OnnxModel model, GradientModel gradientModel, string source, float[] input,
        IAttack attack, float eps, Targets targets, int top = 3)
    {
        var predictor = new Predictor(model, top);
        var before = predictor.Predict([(source, input)])[0];
        long label = targets.Class ?? (targets.Random
            ? throw new ArgumentException("a single image takes --targeted CLASS, not random")
            : before.Top[0].Index);

        var adversarial = new float[input.Length];
        attack.Perturb(new InputGradients(gradientModel, 1), input, [label], 1, eps, targets.IsTargeted, adversarial);
        var stored = UnitPixels.Convert(PngWriter.ToBytes(adversarial));
        var after = predictor.Predict([(source, stored)])[0];
        double linf = stored.Select((v, i) => Math.Abs(v - input[i])).Max();
        return new SingleImageResult(before, after, adversarial, linf);
    }
}
