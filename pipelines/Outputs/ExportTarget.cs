using Toolkit.Training;

namespace Toolkit.Pipelines.Outputs;

/// <summary>
/// Where a training run exports its model (null: it does not), kept in the run folder as export.json so a resumed run
/// exports where it was first asked to, and whether that export was written.
/// </summary>
public sealed record ExportTarget(string? ModelPath, bool Written = false)
{
    public const string FileName = "export.json";

    public static ExportTarget? Read(string runFolder)
    {
        string path = Path.Combine(runFolder, FileName);
        return File.Exists(path) ? RunJson.Read<ExportTarget>(path) : null;
    }

    public void Save(string runFolder) => RunJson.Write(Path.Combine(runFolder, FileName), this);

    /// <summary>
    /// The model file a run named <paramref name="name"/> exports to: in <paramref name="modelsFolder"/> when one is
    /// asked for, else inside the run folder, so training never replaces a repository's committed models unasked.
    /// </summary>
    public static ExportTarget For(string runFolder, string? modelsFolder, string name, bool noExport) =>
        new(noExport ? null : Path.Combine(modelsFolder ?? runFolder, name + ".onnx"));
}
