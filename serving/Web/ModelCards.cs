using System.Text.Json.Nodes;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;

namespace Toolkit.Serving.Web;

/// <summary>
/// A served model's card: the <c>NAME.json</c> that <c>export</c> writes beside <c>NAME.onnx</c>, or null where the
/// repository has none (a Triton layout). Only the fields the page shows leave the server, and the training command
/// line without its absolute paths.
/// </summary>
public static class ModelCards
{
    private static readonly string[] PublicFields = ["task", "arch", "dataset", "metrics"];

    public static JsonObject? Of(ServedModel model)
    {
        string path = Path.ChangeExtension(model.Path, ".json");
        if (!File.Exists(path)) return null;
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject card) return null;
            var shown = new JsonObject();
            foreach (string field in PublicFields)
                if (card[field] is { } value) shown[field] = value.DeepClone();
            if (card["run"]?["command"] is JsonValue text && text.TryGetValue(out string? command))
                shown["command"] = PublicMetadata.Command(command);
            return shown;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
