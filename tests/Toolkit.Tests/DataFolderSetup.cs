using System.Runtime.CompilerServices;
using Toolkit.Datasets;

namespace Toolkit.Tests;

/// <summary>
/// The README runs the tests from the repository root with <c>TOOLKIT_DATA=../shared/data</c>, but the test host's
/// working folder is its output folder, where that relative path leads nowhere. A relative value is therefore read
/// against the repository root, once, before any test (or toolkit process a test starts) reads it.
/// </summary>
internal static class DataFolderSetup
{
#pragma warning disable CA2255 // a test assembly's own start-up, not a library's
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ResolveRelativeDataFolder()
    {
        string? value = Environment.GetEnvironmentVariable(DataLocation.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value) || Path.IsPathRooted(value)) return;
        Environment.SetEnvironmentVariable(DataLocation.EnvironmentVariable, Path.GetFullPath(value, Repository.Root));
    }
}
