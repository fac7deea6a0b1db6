using Toolkit.Training.Data;
using static TorchSharp.torch;

namespace Toolkit.Training;

public sealed record LossAndAccuracy(double Loss, double Accuracy);

/// <summary>Mean cross-entropy and accuracy of a network over a preloaded split, in eval mode.</summary>
public static class Evaluation
{
    public static LossAndAccuracy Evaluate(nn.Module<Tensor, Tensor> model, ImageTensors data, Device device, int batchSize = 1000)
    {
        bool wasTraining = model.training;
        model.eval();
        double lossSum = 0;
        long correct = 0;
        using (no_grad())
        {
            for (int start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int length = Math.Min(batchSize, data.Count - start);
                var images = ImageTensors.ToUnitFloat(data.Images.narrow(0, start, length)).to(device);
                var labels = data.Labels.narrow(0, start, length).to(device);
                var logits = model.forward(images);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(labels).sum().item<long>();
            }
        }
        model.train(wasTraining);
        return new LossAndAccuracy(lossSum / data.Count, (double)correct / data.Count);
    }
}
