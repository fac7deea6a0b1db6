using Toolkit.Export.Gradients;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;

namespace Toolkit.Tests.Attacks;

/// <summary>
/// A miniature CIFAR-shaped classifier with its gradient graph, and random images labelled with what the model
/// predicts for them (all but the last), so attacks have correctly classified images to turn.
/// </summary>
public sealed class AttackFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public AttackFixture()
    {
        ModelPath = ForwardGraphs.Write(MiniNets.Create("mlp"), _folder.Path);
        GradientGraphFile.Write(ModelPath);
        Model = OnnxModel.Open(ModelPath, ExecutionDevice.Cpu);
        Gradients = GradientModel.OpenFor(ModelPath, ExecutionDevice.Cpu);
        Set = LabelledByModel(Model, count: 24);
    }

    public string ModelPath { get; }
    public OnnxModel Model { get; }
    public GradientModel Gradients { get; }
    public EvaluationSet Set { get; }

    public AttackReport Run(AttackPlan plan) => new AttackRunner(Model, Gradients, plan).Run(Set);

    public static byte[] RandomPixels(int count, int seed)
    {
        var pixels = new byte[count * 3072];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    private static EvaluationSet LabelledByModel(OnnxModel model, int count)
    {
        var unlabelled = new EvaluationSet("cifar10-test", "cifar10", RandomPixels(count, seed: 5), new byte[count], 3072,
            MiniNets.CifarClasses, new Dictionary<string, Range>());
        var labels = ClassifierEvaluator.Predict(model, unlabelled).Select(p => (byte)p).ToArray();
        labels[^1] = (byte)((labels[^1] + 1) % 10);
        return unlabelled with { Labels = labels };
    }

    public void Dispose()
    {
        Gradients.Dispose();
        Model.Dispose();
        _folder.Dispose();
    }
}
