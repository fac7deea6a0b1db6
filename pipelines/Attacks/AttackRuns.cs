using System.Text.Json;
using Toolkit.Datasets;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Toolkit.Pipelines.Outputs;

namespace Toolkit.Pipelines.Attacks;

public sealed record AttackOutcome(AttackReport Report, IReadOnlyList<string> Files);

/// <summary>
/// Attacks through ONNX Runtime: open the model and its paired gradient graph (a gradient graph of another version of
/// the model is refused), check the outputs, run the plan, write the outputs. One data set run writes report.json,
/// accuracy-vs-eps.png and examples.png into a folder; one image writes its adversarial PNG.
/// </summary>
public sealed class AttackRuns : IDisposable
{
    public const string ReportFile = "report.json";
    public const string CurveFile = "accuracy-vs-eps.png";
    public const string ExamplesFile = "examples.png";

    private AttackRuns(OnnxModel model, GradientModel gradients) => (Model, Gradients) = (model, gradients);

    public OnnxModel Model { get; }
    public GradientModel Gradients { get; }

    public static AttackRuns Open(OnnxModel model, ExecutionDevice device) => new(model, GradientModel.OpenFor(model.Path, device));

    /// <summary>Checks the output folder before any work: its report files are not replaced without --force.</summary>
    public static void CheckFolder(string folder, bool force)
    {
        foreach (string file in new[] { ReportFile, CurveFile, ExamplesFile }) OutputGuard.MayReplace(Path.Combine(folder, file), force);
        OutputGuard.WritableFolder(folder);
    }

    /// <summary>Checks the adversarial PNG's path: a .png that is not the attacked image nor, without --force, any existing file.</summary>
    public static void CheckImageOutput(string output, string image, bool force)
    {
        OutputGuard.NewFile(output, ".png", "--out", [image], force);
        OutputGuard.WritableFolder(Path.GetDirectoryName(Path.GetFullPath(output))!);
    }

    /// <summary>Checks where <paramref name="options"/> write before any work: the adversarial PNG, or the report folder.</summary>
    public static void CheckOutputs(AttackOptions options)
    {
        if (options.Image is not null) CheckImageOutput(options.Out!, options.Image, options.Force);
        else CheckFolder(options.Out!, options.Force);
    }

    /// <summary>Attacks the first <see cref="AttackOptions.Limit"/> images of the options' data set and writes the report folder.</summary>
    public AttackOutcome RunDataSet(AttackOptions options, DataLocation location, IProgressDisplay display)
    {
        var targets = Targets.Parse(options.Targeted, Model.Info.Classes);
        var set = EvaluationSets.Load(options.Dataset, location);
        if (options.Limit is int limit) set = set.Take(limit);
        var plan = new AttackPlan(options.Methods(), options.Epsilons(), targets, options.Batch, options.Seed, options.ExampleEps);
        return display.Run($"attacking {set.Name}", plan.Work(set.Count), progress => RunDataSet(plan, set, options.Out!, progress));
    }

    /// <summary>Attacks the options' one image with their first method and strength and writes the adversarial PNG.</summary>
    public SingleImageResult RunImage(AttackOptions options) =>
        RunImage(options.Image!, options.Methods()[0], options.Epsilons()[0], Targets.Parse(options.Targeted, Model.Info.Classes), options.Out!,
            options.MaxPixels);

    public AttackOutcome RunDataSet(AttackPlan plan, EvaluationSet set, string folder, IProgress<int>? progress = null)
    {
        var report = new AttackRunner(Model, Gradients, plan).Run(set, progress);
        return new AttackOutcome(report, Write(report, Model.Info, folder));
    }

    public SingleImageResult RunImage(string image, IAttack attack, float eps, Targets targets, string output,
        long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        using var bitmap = ImageDecoder.Decode(image, maxPixels);
        var input = ImageTensor.ToInput(bitmap, Model.Info);
        var result = SingleImageAttack.Run(Model, Gradients, image, input, attack, eps, targets);
        PngWriter.Save(result.Adversarial, Model.Info.Channels, Model.Info.Height, Model.Info.Width, output);
        return result;
    }

    private static IReadOnlyList<string> Write(AttackReport report, ModelInfo info, string folder)
    {
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, ReportFile);
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(report, JsonOptions));
        string curve = Path.Combine(folder, CurveFile);
        AttackCurve.Save(report, curve);
        if (report.Examples.Count == 0) return [json, curve];

        string grid = Path.Combine(folder, ExamplesFile);
        AttackGrid.Save(report, info, grid);
        return [json, curve, grid];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public void Dispose()
    {
        Gradients.Dispose();
        Model.Dispose();
    }
}
