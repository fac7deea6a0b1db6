using System.Text.Json;
using System.Text.Json.Serialization;

namespace Toolkit.Serving.Web;

/// <summary>
/// The body of <c>POST /v2/models/{name}/attack</c>: <c>{"image": BASE64, "method": "fgsm"|"pgd", "eps": 0.05,
/// "steps": 10, "target": "cat"|3|null}</c>; method, steps and target are optional.
/// </summary>
public sealed record AttackRequest(
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("eps")] float? Eps,
    [property: JsonPropertyName("steps")] int? Steps,
    [property: JsonPropertyName("target")] JsonElement? Target)
{
    public const int MaxSteps = 1_000;

    public static AttackRequest Parse(byte[] body)
    {
        var request = JsonSerializer.Deserialize<AttackRequest>(body)
            ?? throw new WebRequestException("attack body is null; expected {\"image\": BASE64 PNG, \"eps\": 0.05}");
        if (string.IsNullOrEmpty(request.Image)) throw new WebRequestException("attack body has no \"image\" (base64 image bytes)");
        if (request.Eps is not float eps || eps is < 0 or > 1 || float.IsNaN(eps))
            throw new WebRequestException($"attack \"eps\" {request.Eps?.ToString() ?? "missing"}: expected 0 to 1 (pixel units)");
        if (request.Steps is int steps && steps is < 1 or > MaxSteps)
            throw new WebRequestException($"attack \"steps\" {steps}: expected 1 to {MaxSteps}");
        return request;
    }

    public byte[] ImageBytes()
    {
        try
        {
            return Convert.FromBase64String(Image!);
        }
        catch (FormatException)
        {
            throw new WebRequestException("attack \"image\" is not base64");
        }
    }

    /// <summary>The target as the command line's <c>--targeted</c> reads it (a name or an index), or null.</summary>
    public string? TargetText => Target switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        _ => throw new WebRequestException("attack \"target\" must be a class name, a class index or null"),
    };
}
