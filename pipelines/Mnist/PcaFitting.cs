using Toolkit.Datasets;
using Toolkit.Datasets.Mnist;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Outputs;
using Toolkit.Training.Mnist;

namespace Toolkit.Pipelines.Mnist;

/// <summary>
/// PCA of the MNIST training set for each k: check the export targets, fit once, record pca.json, and export each k as a
/// reconstruction graph measured through ONNX Runtime.
/// </summary>
public static class PcaFitting
{
    /// <param name="modelsFolder">Where models go; null: the fit's own folder.</param>
    public static (PcaRecord Record, IReadOnlyList<ExportResult> Exports) Run(IReadOnlyList<int> components, string folder,
        string? modelsFolder, bool noExport, bool force, DataLocation location, string command)
    {
        var targets = components.Select(k => ExportTarget.For(folder, modelsFolder, PcaRun.Name(k), noExport)).ToList();
        foreach (var target in targets.Where(t => t.ModelPath is not null)) OutputGuard.ModelTarget(target.ModelPath!, force);

        var (fits, record) = PcaRun.Fit(components, location.Folder(MnistReader.FolderName), folder, command);
        var exports = fits.Zip(targets)
            .Where(f => f.Second.ModelPath is not null)
            .Select(f => MnistExport.Pca(f.First, record, f.Second.ModelPath!, location))
            .ToList();
        return (record, exports);
    }
}
