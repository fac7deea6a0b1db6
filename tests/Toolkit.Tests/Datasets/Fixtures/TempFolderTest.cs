namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>A test class whose every test gets its own temporary folder, removed afterwards.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected TempFolder Temp { get; } = new();

    public void Dispose() => Temp.Dispose();
}
