using Toolkit.Datasets;
using Toolkit.Datasets.Mnist;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training;
using Toolkit.Training.Mnist;

namespace Toolkit.Pipelines.Mnist;

public sealed record AutoencoderResult(AutoencoderRecord Record, string Folder, ExportResult? Export);

/// <summary>
/// MNIST autoencoders, one run per hidden size in runs/mnist-ae-KIND-hH: check every run folder and export target
/// first, then train (a finished run is kept) and export each with its MSE measured through ONNX Runtime.
/// </summary>
public static class AutoencoderTraining
{
    /// <param name="modelsFolder">Where models go; null: inside each run folder.</param>
    public static IReadOnlyList<AutoencoderResult> Run(IReadOnlyList<AutoencoderOptions> runs, string runsFolder, string? modelsFolder,
        bool noExport, bool force, DataLocation location, string command, Action<AutoencoderOptions>? starting = null,
        Action<StepLoss>? onStep = null)
    {
        var planned = runs.Select(options => Plan(options, runsFolder, modelsFolder, noExport, force)).ToList();
        string data = location.Folder(MnistReader.FolderName);
        var results = new List<AutoencoderResult>();
        foreach (var (options, folder, target) in planned)
        {
            starting?.Invoke(options);
            var record = AutoencoderRun.Train(options, data, folder, command, onStep);
            var export = target.ModelPath is null ? null : MnistExport.Autoencoder(folder, target.ModelPath, location);
            results.Add(new AutoencoderResult(record, folder, export));
        }
        return results;
    }

    private static (AutoencoderOptions Options, string Folder, ExportTarget Target) Plan(AutoencoderOptions options, string runsFolder,
        string? modelsFolder, bool noExport, bool force)
    {
        string name = AutoencoderNets.Name(options.Kind, options.Hidden);
        string folder = Path.Combine(runsFolder, name);
        RunFolderGuard.Check(folder, [AutoencoderRecord.FileName], () => SameOptions(folder, options),
            "its run.json lists the options it was trained with", force);
        var target = ExportTarget.For(folder, modelsFolder, name, noExport);
        if (target.ModelPath is not null) OutputGuard.ModelTarget(target.ModelPath, force);
        return (options, folder, target);
    }

    private static bool SameOptions(string folder, AutoencoderOptions options) =>
        RunJson.Serialize(RunJson.Read<AutoencoderRecord>(Path.Combine(folder, AutoencoderRecord.FileName)).Options with { Threads = 0 })
        == RunJson.Serialize(options with { Threads = 0 });
}
