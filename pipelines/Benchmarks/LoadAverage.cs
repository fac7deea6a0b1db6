namespace Toolkit.Pipelines.Benchmarks;

/// <summary>The machine's 1, 5 and 15 minute load averages from /proc/loadavg, to print beside timings.</summary>
public static class LoadAverage
{
    public static string Text()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(", ", fields.Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
