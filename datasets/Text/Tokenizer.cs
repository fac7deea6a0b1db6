using System.Text;

namespace Toolkit.Datasets.Text;

/// <summary>
/// Splits text into lower-case words: a token is a maximal run of letters and digits, kept only when it is all
/// letters (Latin-1 letters such as é count) and at least <see cref="MinLength"/> long. So "486dx" and "mp3" are
/// dropped rather than cut into fragments, and "don't" gives "don" (a stop word).
/// </summary>
public static class Tokenizer
{
    public const int MinLength = 3;

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var word = new StringBuilder();
        bool alphabetic = true;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                alphabetic &= char.IsLetter(c);
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (alphabetic && word.Length >= MinLength) tokens.Add(word.ToString());
            word.Clear();
            alphabetic = true;
        }
    }
}
