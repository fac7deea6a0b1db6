using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Toolkit.Datasets;

namespace Toolkit.Training;

/// <summary>The JSON form of run records, checkpoints' state and model cards: camelCase, enums as lowercase strings.</summary>
public static class RunJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException("empty JSON document");

    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, Serialize(value));

    /// <summary>Reads a run's JSON record; a damaged one fails with the file named.</summary>
    public static T Read<T>(string path)
    {
        try
        {
            return Deserialize<T>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid {Path.GetFileName(path)} ({e.Message})", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
