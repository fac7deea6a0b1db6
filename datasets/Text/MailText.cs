using System.Text;

namespace Toolkit.Datasets.Text;

/// <summary>The parts of a news post that carry its content.</summary>
public static class MailText
{
    /// <summary>Latin-1, as the 20 Newsgroups files are stored: every byte is one character, nothing is lost.</summary>
    public static string ReadFile(string path) => Encoding.Latin1.GetString(File.ReadAllBytes(path));

    /// <summary>
    /// Drops the header block (every line up to the first blank one) but keeps the Subject's text, without its
    /// "Re:" prefixes. Text that does not start with a header line is returned unchanged.
    /// </summary>
    public static string StripHeaders(string text)
    {
        string normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (!LooksLikeHeader(FirstLine(normalized))) return normalized;
        int end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        string headers = end < 0 ? normalized : normalized[..end];
        string body = end < 0 ? "" : normalized[(end + 2)..];
        string? subject = headers.Split('\n')
            .FirstOrDefault(line => line.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
        if (subject is null) return body;
        string value = subject["Subject:".Length..].Trim();
        while (value.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)) value = value[3..].TrimStart();
        return value + "\n\n" + body;
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return newline < 0 ? text : text[..newline];
    }

    private static bool LooksLikeHeader(string line)
    {
        int colon = line.IndexOf(':');
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
