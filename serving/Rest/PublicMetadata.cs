using System.Text.Json.Nodes;

namespace Toolkit.Serving.Rest;

/// <summary>
/// A model card's metadata as the server shows it: the training command line (which names local folders) and
/// any absolute local path are left out, so a server never tells clients about its file system.
/// </summary>
public static class PublicMetadata
{
    private static readonly string[] PrivateKeys = ["command"];

    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, string> properties) =>
        properties.Where(p => !LooksLikePath(p.Value)).ToDictionary(p => p.Key, p => Strip(p.Value));

    private static string Strip(string value)
    {
        if (!value.TrimStart().StartsWith('{')) return value;
        try
        {
            var node = JsonNode.Parse(value);
            if (node is null) return value;
            Remove(node);
            return node.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return value;
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (PrivateKeys.Contains(key) || (child is JsonValue v && v.TryGetValue(out string? s) && LooksLikePath(s))) obj.Remove(key);
                    else if (child is not null) Remove(child);
                }
                break;
            case JsonArray array:
                foreach (var child in array) if (child is not null) Remove(child);
                break;
        }
    }

    /// <summary>A training command line with every absolute path replaced by <c>…/</c> and its last folder or file name.</summary>
    public static string Command(string command) =>
        string.Join(' ', command.Split(' ').Select(word => LooksLikePath(word) ? "…/" + Path.GetFileName(word.TrimEnd('/', '\\')) : word));

    public static bool LooksLikePath(string value) =>
        value.StartsWith('/') || value.StartsWith('~') || (value.Length > 2 && value[1] == ':' && value[2] is '\\' or '/');
}
