using Toolkit.Inference.Sessions;
using Toolkit.Serving.Repository;

namespace Toolkit.Serving.Triton;

/// <summary>One model written to a Triton repository: its name, versions and the config it got.</summary>
public sealed record ExportedModel(string Name, IReadOnlyList<string> Versions, TritonModelConfig Config);

/// <summary>
/// Writes a model repository (a file, a folder of .onnx files with their gradient graphs, or another Triton
/// repository) in Triton's layout: <c>NAME/config.pbtxt</c>, <c>NAME/labels.txt</c> for classifiers and
/// <c>NAME/VERSION/model.onnx</c>. The repository is built in a temporary folder and renamed into place.
/// </summary>
public static class TritonExporter
{
    public static IReadOnlyList<ExportedModel> Export(string source, string target, int maxBatchSize, long maxQueueDelayMicroseconds,
        string instanceKind, bool overwrite)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !overwrite)
            throw new IOException($"{target}: folder exists and is not empty; pass --force to replace it");

        using var repository = ModelRepository.Open(source, ExecutionDevice.Cpu);
        string staging = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".{Path.GetFileName(Path.GetFullPath(target))}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        try
        {
            var exported = repository.Names.Select(name => WriteModel(repository, name, staging, maxBatchSize, maxQueueDelayMicroseconds, instanceKind)).ToList();
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
            Directory.Move(staging, target);
            return exported;
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static ExportedModel WriteModel(ModelRepository repository, string name, string root, int maxBatchSize, long delay, string kind)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        var latest = repository.Find(name);
        var config = TritonModelConfig.For(latest, maxBatchSize, delay, kind);
        File.WriteAllText(Path.Combine(folder, ModelRepository.TritonConfigFile), ConfigText.Write(config));
        if (config.Outputs.Any(o => o.LabelFilename is not null))
            File.WriteAllLines(Path.Combine(folder, TritonModelConfig.LabelsFile), latest.Info.Classes);

        var versions = repository.VersionsOf(name);
        foreach (string version in versions)
        {
            string versionFolder = Path.Combine(folder, version);
            Directory.CreateDirectory(versionFolder);
            File.Copy(repository.Find(name, version).Path, Path.Combine(versionFolder, ModelRepository.TritonModelFile));
        }
        return new ExportedModel(name, versions, config);
    }
}
