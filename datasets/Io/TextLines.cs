namespace Toolkit.Datasets.Io;

/// <summary>The numbered lines of a text whose every line ends with a line break, as line-based data formats promise.</summary>
public static class TextLines
{
    /// <summary>
    /// Yields (line number, line) pairs, skipping empty lines (or refusing them, where a format has none). A last
    /// line with no line break is reported as a truncation: a file cut inside a number would otherwise read as a
    /// valid, smaller number.
    /// </summary>
    public static IEnumerable<(int Number, string Text)> Read(TextReader reader, string name, bool blankLinesAllowed = true)
    {
        string text = reader.ReadToEnd();
        string[] lines = text.Split('\n');
        if (lines[^1].Length > 0)
            throw DataFormatException.AtLine(name, lines.Length, "last line does not end with a line break (truncated?)");
        for (int i = 0; i < lines.Length - 1; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length > 0) yield return (i + 1, line);
            else if (!blankLinesAllowed) throw DataFormatException.AtLine(name, i + 1, "blank line");
        }
    }
}
