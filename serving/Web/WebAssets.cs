using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Toolkit.Serving.Web;

/// <summary>
/// The web page's static files (index.html, app.js, style.css), embedded in this assembly so the server needs no
/// folder beside it and the page loads nothing from the network: <c>GET /</c> and <c>GET /web/FILE</c>.
/// </summary>
public static class WebAssets
{
    private static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    private static readonly IReadOnlyDictionary<string, byte[]> Files = Load();

    public static IReadOnlyCollection<string> Names => Files.Keys.ToList();

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => File("index.html"));
        app.MapGet("/web/{file}", (string file) => File(file));
    }

    private static IResult File(string name)
    {
        if (!Files.TryGetValue(name, out var bytes))
            return Results.Json(new { error = $"no page file '{name}'; files: {string.Join(", ", Files.Keys)}" }, statusCode: StatusCodes.Status404NotFound);
        return Results.Bytes(bytes, ContentTypes[Path.GetExtension(name)]);
    }

    /// <summary>Every embedded page file by name; the names come from the assembly, never from a request.</summary>
    private static Dictionary<string, byte[]> Load()
    {
        const string prefix = "Toolkit.Serving.Web.wwwroot.";
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[resource[prefix.Length..]] = copy.ToArray();
        }
        return files;
    }
}
