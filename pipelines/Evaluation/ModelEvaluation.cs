using Toolkit.Datasets;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Pipelines.Options;
using Toolkit.Pipelines.Outputs;

namespace Toolkit.Pipelines.Evaluation;

/// <summary>An evaluation as the user asks for it, each value named as on the command line.</summary>
public sealed record EvaluationOptions
{
    public string Dataset { get; init; } = "cifar10-test";
    public int Batch { get; init; } = 256;
    public int? Limit { get; init; }
    public string? Heatmap { get; init; }
    public bool Force { get; init; }

    /// <summary>The first problem of these options (naming the option), or null when they can run.</summary>
    public string? Problem() =>
        OptionRules.First(
            OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
            OptionRules.Range("--limit", Limit, 1, int.MaxValue),
            OptionRules.PngPath("--heatmap", Heatmap));
}

/// <summary>What was measured: a classifier's report (with the set's class names), or a reconstruction model's.</summary>
public sealed record EvaluationOutcome(IReadOnlyList<string> ClassNames, EvaluationReport? Classifier, ReconstructionReport? Reconstruction);

/// <summary>
/// A model measured through ONNX Runtime on an evaluation set: a classifier's accuracy, per-class precision and recall
/// and confusion matrix (and its heatmap where asked), or a reconstruction model's MSE.
/// </summary>
public static class ModelEvaluation
{
    /// <summary>Checks the heatmap's path before any work: a .png that is not the model nor, without --force, any existing file.</summary>
    public static void CheckOutputs(EvaluationOptions options, string model)
    {
        if (options.Heatmap is { } heatmap) OutputGuard.NewFile(heatmap, ".png", "--heatmap", [model], options.Force);
    }

    public static EvaluationOutcome Run(OnnxModel model, EvaluationOptions options, DataLocation location, IProgressDisplay display)
    {
        var set = EvaluationSets.Load(options.Dataset, location);
        if (options.Limit is int limit) set = set.Take(limit);
        if (model.Info.Task == ModelInfo.Reconstruction)
        {
            ReconstructionEvaluator.CheckCompatible(model.Info, set, model.Path);
            var reconstruction = display.Run($"reconstructing {set.Name}", set.Count, p => ReconstructionEvaluator.Evaluate(model, set, options.Batch, p));
            return new EvaluationOutcome(set.ClassNames, null, reconstruction);
        }
        ClassifierEvaluator.CheckCompatible(model.Info, set, model.Path);
        var report = display.Run($"evaluating on {set.Name}", set.Count, p => ClassifierEvaluator.Evaluate(model, set, options.Batch, p));
        if (options.Heatmap is not null) ConfusionHeatmap.Save(report, set.ClassNames, options.Heatmap);
        return new EvaluationOutcome(set.ClassNames, report, null);
    }
}
