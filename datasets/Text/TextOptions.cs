namespace Toolkit.Datasets.Text;

/// <summary>How raw post text becomes tokens; saved with a model so inference tokenises the same way.</summary>
public sealed record TextOptions(bool StripHeaders = true)
{
    public List<string> Tokens(string raw) => Tokenizer.Tokenize(StripHeaders ? MailText.StripHeaders(raw) : raw);
}
