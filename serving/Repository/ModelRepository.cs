using Toolkit.Format;
using Toolkit.Inference.Sessions;

namespace Toolkit.Serving.Repository;

/// <summary>
/// The models a server answers for, found once at start: one <c>.onnx</c> file, a folder of them (the name is the
/// file name without <c>.onnx</c>, so <c>NAME.grad.onnx</c> serves as <c>NAME.grad</c>; version 1), or a Triton
/// layout (<c>NAME/config.pbtxt</c>, <c>NAME/VERSION/model.onnx</c>). Requests look names up here only;
/// nothing a request says is ever turned into a path.
/// </summary>
public sealed class ModelRepository : IDisposable
{
    public const string OnnxExtension = ".onnx";
    public const string TritonConfigFile = "config.pbtxt";
    public const string TritonModelFile = "model.onnx";

    /// <summary>A gradient graph's served name is its forward model's name plus this (<c>NAME.grad.onnx</c> → <c>NAME.grad</c>).</summary>
    public const string GradientSuffix = ".grad";

    private readonly SortedDictionary<string, SortedDictionary<long, ServedModel>> _models = new(StringComparer.Ordinal);

    private ModelRepository(string root, ExecutionDevice device)
    {
        Root = root;
        Device = device;
    }

    /// <summary>The file or folder the repository was opened from.</summary>
    public string Root { get; }

    /// <summary>Where its sessions run; other sessions opened over the same files (attacks, topics) use it too.</summary>
    public ExecutionDevice Device { get; }

    public IReadOnlyList<string> Names => _models.Keys.ToList();

    /// <summary>Every version of every model.</summary>
    public IEnumerable<ServedModel> All => _models.Values.SelectMany(versions => versions.Values);

    public static ModelRepository Open(string path, ExecutionDevice device = ExecutionDevice.Auto)
    {
        var repository = new ModelRepository(path, device);
        try
        {
            foreach (var (name, version, file) in Discover(path))
                repository.Add(ServedModel.Open(name, version.ToString(), file, device), version);
            repository.CheckGradientPairs();
        }
        catch
        {
            repository.Dispose();
            throw;
        }
        if (repository._models.Count == 0)
            throw new InvalidDataException($"{path}: no models found (expected .onnx files or a Triton layout NAME/VERSION/model.onnx)");
        return repository;
    }

    /// <summary>The models a path holds: (name, version, file).</summary>
    public static IEnumerable<(string Name, long Version, string File)> Discover(string path)
    {
        if (File.Exists(path))
        {
            if (!path.EndsWith(OnnxExtension, StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path}: expected an .onnx file or a folder of models");
            return [(NameOf(path), 1, path)];
        }
        if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: no such model file or folder", path);

        var tritonModels = Directory.EnumerateDirectories(path).Where(IsTritonModel).Order(StringComparer.Ordinal).ToList();
        if (tritonModels.Count > 0)
            return tritonModels.SelectMany(folder => VersionFolders(folder)
                .Select(v => (Path.GetFileName(folder), v.Version, Path.Combine(v.Folder, TritonModelFile))));

        return Directory.EnumerateFiles(path, "*" + OnnxExtension).Order(StringComparer.Ordinal)
            .Select(file => (NameOf(file), 1L, file));
    }

    private static string NameOf(string file) => Path.GetFileName(file)[..^OnnxExtension.Length];

    private static bool IsTritonModel(string folder) =>
        File.Exists(Path.Combine(folder, TritonConfigFile)) || VersionFolders(folder).Any();

    private static IEnumerable<(long Version, string Folder)> VersionFolders(string modelFolder) =>
        Directory.EnumerateDirectories(modelFolder)
            .Select(folder => (Parsed: long.TryParse(Path.GetFileName(folder), out long v) && v > 0 ? v : 0, Folder: folder))
            .Where(v => v.Parsed > 0 && File.Exists(Path.Combine(v.Folder, TritonModelFile)))
            .Select(v => (v.Parsed, v.Folder));

    private void Add(ServedModel model, long version)
    {
        if (!_models.TryGetValue(model.Name, out var versions)) _models[model.Name] = versions = [];
        versions[version] = model;
    }

    /// <summary>
    /// A gradient graph served beside its forward model must have been derived from that very file (the checksum it
    /// records), or attacks through it would follow another model's gradients.
    /// </summary>
    private void CheckGradientPairs()
    {
        foreach (var gradient in All.Where(m => m.Name.EndsWith(GradientSuffix, StringComparison.Ordinal)))
        {
            if (!_models.TryGetValue(gradient.Name[..^GradientSuffix.Length], out var versions)
                || !versions.TryGetValue(long.Parse(gradient.Version), out var forward)) continue;
            string? problem = ModelFormat.PairingProblem(forward.Path, File.ReadAllBytes(forward.Path), gradient.Metadata);
            if (problem is not null) throw new InvalidDataException(problem);
        }
    }

    public bool Contains(string name) => _models.ContainsKey(name);

    /// <summary>The model's versions, lowest first.</summary>
    public IReadOnlyList<string> VersionsOf(string name) => Versions(name).Keys.Select(v => v.ToString()).ToList();

    /// <summary>A version of a model; without a version, the highest one (Triton's default policy).</summary>
    public ServedModel Find(string name, string? version = null)
    {
        var versions = Versions(name);
        if (string.IsNullOrEmpty(version)) return versions.Values.Last();
        if (long.TryParse(version, out long number) && versions.TryGetValue(number, out var model)) return model;
        throw new ModelNotFoundException($"model '{name}' has no version '{version}'; versions: {string.Join(", ", versions.Keys)}");
    }

    private SortedDictionary<long, ServedModel> Versions(string name) =>
        _models.TryGetValue(name, out var versions)
            ? versions
            : throw new ModelNotFoundException($"no model named '{name}' in the repository");

    public void Dispose()
    {
        foreach (var model in All) model.Dispose();
        _models.Clear();
    }
}
