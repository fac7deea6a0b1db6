namespace Toolkit.Datasets;

/// <summary>A data file that does not hold what its format promises. The message names the file and where.</summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string file, string location, string problem)
        : base($"{file}: {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    public string File { get; }
    public string Location { get; }
    public string Problem { get; }

    /// <summary>An error at a byte offset; in a gzip file the offset counts decompressed bytes, and says so.</summary>
    public static DataFormatException AtOffset(string file, long offset, string problem, bool decompressed = false) =>
        new(file, decompressed ? $"decompressed offset {offset}" : $"offset {offset}", problem);

    public static DataFormatException AtLine(string file, int line, string problem) =>
        new(file, $"line {line}", problem);
}
