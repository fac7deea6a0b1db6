using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;

namespace Toolkit.Serving.Web;

/// <summary>
/// What the web page at <c>/</c> talks to: the page's files, the list of served models with their cards, the
/// sample images, and the attack, reconstruction and topic routes (usable without the page as well).
/// </summary>
public static class WebRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServingState state, SideSessions sessions, Samples samples)
    {
        WebAssets.Map(app);
        app.MapGet("/web/api/models", () => Results.Json(Models(state, sessions)));
        app.MapGet("/web/api/samples", () => Results.Json(samples.Names));
        app.MapGet("/web/api/samples/{*name}", (string name) => samples.Read(name) is { } bytes
            ? Results.Bytes(bytes, "image/png")
            : ErrorMapping.Error(StatusCodes.Status404NotFound, $"no sample image '{name}'"));

        Post(app, "attack", (c, model) => AttackRoute.HandleAsync(c, state, sessions, model), state);
        Post(app, "reconstruct", (c, model) => ReconstructRoute.HandleAsync(c, state, model), state);
        Post(app, "topics", (c, model) => TopicRoute.HandleAsync(c, sessions, model), state);
    }

    private static void Post(IEndpointRouteBuilder app, string action, Func<HttpContext, ServedModel, Task<IResult>> handle, ServingState state)
    {
        app.MapPost($"/v2/models/{{name}}/{action}", (HttpContext c, string name) =>
            V2Routes.GuardAsync(c, () => handle(c, state.Repository.Find(name))));
        app.MapPost($"/v2/models/{{name}}/versions/{{version}}/{action}", (HttpContext c, string name, string version) =>
            V2Routes.GuardAsync(c, () => handle(c, state.Repository.Find(name, version))));
    }

    /// <summary>Every served model except gradient graphs (they show as a classifier's <c>attack</c> flag).</summary>
    private static IEnumerable<object> Models(ServingState state, SideSessions sessions) =>
        state.Repository.Names.Where(n => !n.EndsWith(ModelRepository.GradientSuffix, StringComparison.Ordinal))
            .Select(n => state.Repository.Find(n))
            .Select(m => new
            {
                name = m.Name,
                task = m.Info.Task,
                dataset = m.Info.Dataset,
                classes = m.Info.Classes,
                channels = m.Info.Channels,
                height = m.Info.Height,
                width = m.Info.Width,
                attack = sessions.CanAttack(m),
                card = ModelCards.Of(m),
            });
}
