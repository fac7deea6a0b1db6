using Toolkit.Datasets;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Sessions;
using Toolkit.Pipelines.Attacks;
using Toolkit.Pipelines.Cifar;
using Toolkit.Pipelines.Outputs;
using Toolkit.Tests.Datasets.Fixtures;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Xunit;

namespace Toolkit.Tests.Pipelines;

/// <summary>
/// The CIFAR-10 workflow end to end on 500 training images and one epoch: train → export (model, card, gradient graph)
/// → the card's test accuracy is what eval measures through ONNX Runtime → attack with the gradient graph; the default
/// export target is the run folder, and a resumed finished run exports nothing again.
/// </summary>
[Collection(SerialTorchCollection.Name)]
public sealed class CifarPipelineTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DataLocation _data = DataLocation.Resolve(null);

    [RealDataFact]
    public void TrainExportEvaluateAttack()
    {
        string run = _folder.File("run");
        var spec = CifarRecipes.Default(CifarArchitecture.Logreg) with { Subset = 500, Device = "cpu" };
        spec = spec with { Training = spec.Training with { Epochs = 1 } };
        var plan = CifarTraining.New(spec, null, run, modelsFolder: null, name: null, noExport: false);

        var result = CifarTraining.Run(plan, _data, "test", force: false, _ => SilentProgress.Instance);

        var export = result.Export!;
        Assert.Equal(Path.Combine(run, "cifar10-logreg.onnx"), export.Onnx);
        Assert.Equal(ModelFormat.GradientGraphPath(export.Onnx), export.GradientGraph);
        using var model = OnnxModel.Open(export.Onnx, ExecutionDevice.Cpu);
        var report = ClassifierEvaluator.Evaluate(model, EvaluationSets.Load("cifar10-test", _data));
        Assert.Equal(report.Accuracy, ModelCard.Metric(export.Card, "test_accuracy"));
        Assert.Equal(report.SubsetAccuracy[ModelFormat.LosslessSubset], ModelCard.Metric(export.Card, ModelFormat.LosslessAccuracyMetric));
        Assert.Equal(report.Accuracy, model.Info.Metric("test_accuracy"));

        using var attacks = AttackRuns.Open(OnnxModel.Open(export.Onnx, ExecutionDevice.Cpu), ExecutionDevice.Cpu);
        var attackPlan = new AttackPlan(AttackMethods.Parse("fgsm", 1, null, false, 0), Epsilons.Parse("0,0.05"), Targets.Parse(null, model.Info.Classes), 64, 0, 0.05f);
        var outcome = attacks.RunDataSet(attackPlan, EvaluationSets.Load("cifar10-test", _data).Take(64), _folder.File("attack"));
        Assert.All(outcome.Files, f => Assert.True(File.Exists(f), f));
        var points = outcome.Report.Methods[0].Points;
        Assert.Equal(outcome.Report.CleanAccuracy, points[0].Accuracy, 10);
        Assert.True(points[1].Accuracy < points[0].Accuracy, "FGSM at eps 0.05 did not lower the accuracy");
    }

    [RealDataFact]
    public void AResumedRunKeepsItsExportChoice()
    {
        string run = _folder.File("run");
        var spec = CifarRecipes.Default(CifarArchitecture.Logreg) with { Subset = 200, Device = "cpu" };
        spec = spec with { Training = spec.Training with { Epochs = 1 } };
        CifarTraining.Run(CifarTraining.New(spec, null, run, null, null, noExport: true), _data, "test", false, _ => SilentProgress.Instance);

        var resumed = CifarTraining.Resume(run);
        var result = CifarTraining.Run(resumed, _data, "test --resume", false, _ => SilentProgress.Instance);

        Assert.Null(resumed.Export.ModelPath);
        Assert.Null(result.Export);
        Assert.Empty(Directory.GetFiles(run, "*.onnx"));
    }

    public void Dispose() => _folder.Dispose();
}
