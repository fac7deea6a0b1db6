namespace Toolkit.Pipelines.Outputs;

/// <summary>Shows a piece of long work, e.g. as a progress bar: its description, its total units, and the work reporting units done.</summary>
public interface IProgressDisplay
{
    T Run<T>(string description, int total, Func<IProgress<int>, T> work);
}

/// <summary>Runs the work without showing anything (scripts, tests, JSON output).</summary>
public sealed class NoProgressDisplay : IProgressDisplay
{
    public static readonly NoProgressDisplay Instance = new();

    public T Run<T>(string description, int total, Func<IProgress<int>, T> work) => work(new Ignored());

    private sealed class Ignored : IProgress<int>
    {
        public void Report(int value) { }
    }
}
