namespace Toolkit.Pipelines.Outputs;

/// <summary>
/// A run folder given for a new run must be empty, absent, or hold a run of the very same configuration (which then
/// continues); one of another configuration is refused, or with <c>--force</c> cleared and started over.
/// </summary>
public static class RunFolderGuard
{
    /// <param name="recordFiles">The files that mark a run of this kind, e.g. run.json and search.json.</param>
    /// <param name="sameConfiguration">Whether the recorded run is the one about to start.</param>
    public static void Check(string folder, IReadOnlyList<string> recordFiles, Func<bool> sameConfiguration, string resumeHint, bool force)
    {
        bool holdsRun = recordFiles.Any(f => File.Exists(Path.Combine(folder, f)));
        if (!holdsRun || sameConfiguration()) return;
        if (!force)
            throw new OverwriteException(
                $"{folder} holds a run of another configuration; {resumeHint}, choose another folder, or pass {OutputGuard.ForceOption} to start over there");
        Directory.Delete(folder, recursive: true);
    }
}
