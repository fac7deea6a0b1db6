using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Triton;

namespace Toolkit.Serving.Rest;

/// <summary>
/// The Open Inference Protocol's REST routes (KServe v2, with Triton's binary tensor data and model
/// configuration extensions). A version segment is optional everywhere; without it the highest version answers.
/// </summary>
public static class V2Routes
{
    private const string Model = "/v2/models/{name}";
    private const string Version = "/v2/models/{name}/versions/{version}";

    public static void Map(IEndpointRouteBuilder app, ServingState state)
    {
        app.MapGet("/v2", () => Results.Json(new { name = ServingState.ServerName, version = ServingState.ServerVersion, extensions = ServingState.Extensions }));
        app.MapGet("/v2/health/live", () => Results.Json(new { live = true }));
        app.MapGet("/v2/health/ready", () => state.Ready
            ? Results.Json(new { ready = true })
            : Results.Json(new { ready = false }, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapPost("/v2/repository/index", () => Results.Json(state.Repository.All.Select(m => new { name = m.Name, version = m.Version, state = "READY" })));

        foreach (string route in new[] { Model, Version })
        {
            app.MapGet(route, (HttpContext c, string name, string? version) => Guard(c, () => Metadata(state, name, version)));
            app.MapGet(route + "/ready", (HttpContext c, string name, string? version) => Guard(c, () => ModelReady(state, name, version)));
            app.MapGet(route + "/config", (HttpContext c, string name, string? version) => Guard(c, () => Config(state, name, version)));
            app.MapPost(route + "/infer", (HttpContext c, string name, string? version) => GuardAsync(c, () => InferAsync(c, state, name, version)));
        }
    }

    private static IResult Metadata(ServingState state, string name, string? version)
    {
        var model = state.Repository.Find(name, version);
        return Results.Json(new
        {
            name = model.Name,
            versions = state.Repository.VersionsOf(model.Name),
            platform = TritonModelConfig.OnnxPlatform,
            inputs = model.Inputs.Select(Describe),
            outputs = model.Outputs.Select(Describe),
        });
    }

    private static object Describe(TensorSpec spec) => new { name = spec.Name, datatype = spec.Datatype.Name, shape = spec.Shape };

    private static IResult ModelReady(ServingState state, string name, string? version)
    {
        var model = state.Repository.Find(name, version);
        return Results.Json(new { name = model.Name, ready = state.Ready });
    }

    private static IResult Config(ServingState state, string name, string? version)
    {
        var model = state.Repository.Find(name, version);
        var config = TritonModelConfig.For(model, state.Options.BatchingOrDefault.MaxBatch,
            (long)state.Options.BatchingOrDefault.WindowOrDefault.TotalMicroseconds);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream)) ConfigJson.Write(writer, config);
        return Results.Bytes(stream.ToArray(), "application/json");
    }

    private static async Task<IResult> InferAsync(HttpContext context, ServingState state, string name, string? version)
    {
        state.Repository.Find(name, version);
        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        int? headerLength = null;
        if (context.Request.Headers.TryGetValue(InferJson.HeaderLengthHeader, out var header))
            headerLength = int.TryParse(header, out int length)
                ? length
                : throw new InvalidDataException($"{InferJson.HeaderLengthHeader} '{header}' is not a byte count");

        var request = InferJson.Read(body, headerLength);
        var response = await state.Runner.InferAsync(name, version, request);
        var (bytes, responseHeaderLength) = InferJson.Write(response);
        if (responseHeaderLength is int json)
        {
            context.Response.Headers[InferJson.HeaderLengthHeader] = json.ToString();
            return Results.Bytes(bytes, "application/octet-stream");
        }
        return Results.Bytes(bytes, "application/json");
    }

    public static IResult Guard(HttpContext context, Func<IResult> handler)
    {
        try
        {
            return handler();
        }
        catch (Exception e)
        {
            return ErrorMapping.ToResult(e, context);
        }
    }

    public static async Task<IResult> GuardAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            return ErrorMapping.ToResult(e, context);
        }
    }
}
