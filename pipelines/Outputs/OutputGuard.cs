using Toolkit.Format;

namespace Toolkit.Pipelines.Outputs;

/// <summary>An output that would replace a file the user did not ask to replace; reported as one line.</summary>
public sealed class OverwriteException(string message) : IOException(message);

/// <summary>
/// Checks output paths before any work starts: nothing existing is replaced without <c>--force</c>, an output is
/// never one of the inputs, its extension matches what is written, and its folder can be written.
/// </summary>
public static class OutputGuard
{
    public const string ForceOption = "--force";

    /// <summary>Refuses to replace an existing file unless <paramref name="force"/>.</summary>
    public static void MayReplace(string path, bool force)
    {
        if (!force && File.Exists(path))
            throw new OverwriteException($"{path} exists; pass {ForceOption} to replace it");
    }

    /// <summary>
    /// A model export target: NAME.onnx, and the card and gradient graph beside it, none replaced without
    /// <paramref name="force"/>.
    /// </summary>
    public static void ModelTarget(string onnxPath, bool force)
    {
        Extension(onnxPath, ModelFormat.ModelExtension, "the model file");
        if (ModelFormat.IsGradientGraphPath(onnxPath))
            throw new ArgumentException($"{onnxPath}: a model file must not end in {ModelFormat.GradientGraphExtension} (that name is its gradient graph's)");
        foreach (string path in new[] { onnxPath, ModelFormat.CardPath(onnxPath), ModelFormat.GradientGraphPath(onnxPath) })
            MayReplace(path, force);
        WritableFolder(Path.GetDirectoryName(Path.GetFullPath(onnxPath))!);
    }

    /// <summary>
    /// A file <paramref name="option"/> writes as <paramref name="extension"/>: named so, none of the
    /// <paramref name="inputs"/>, and not an existing file unless <paramref name="force"/>.
    /// </summary>
    public static void NewFile(string path, string extension, string option, IEnumerable<string> inputs, bool force)
    {
        Extension(path, extension, option);
        NotAnInput(path, inputs, option);
        MayReplace(path, force);
    }

    /// <summary>An output file written as <paramref name="extension"/> (e.g. ".png") for <paramref name="option"/>.</summary>
    public static void Extension(string path, string extension, string option)
    {
        if (!path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{option} {path}: expected a {extension} file name");
    }

    /// <summary>Refuses an output that is one of the inputs, whatever <c>--force</c> says.</summary>
    public static void NotAnInput(string output, IEnumerable<string> inputs, string option)
    {
        string full = Path.GetFullPath(output);
        foreach (string input in inputs)
            if (string.Equals(full, Path.GetFullPath(input), StringComparison.Ordinal))
                throw new OverwriteException($"{option} {output} is an input of this command; choose another file");
    }

    /// <summary>Creates the folder if needed and proves it can be written, so a run does not end in a write error.</summary>
    public static void WritableFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".toolkit-write-check-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{folder}: cannot write there ({e.Message})", e);
        }
    }
}
