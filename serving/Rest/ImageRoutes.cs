using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Toolkit.Inference.Prediction;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Rest;

/// <summary>
/// The image routes: <c>POST /predict</c> for the default classifier and <c>POST /v2/models/{name}/predict</c> for any
/// classifier (raw image bytes or a multipart file, decoded as <c>predict</c> does; answer: the top classes), plus
/// <c>GET /health</c> and <c>GET /model</c> for the default model.
/// </summary>
public static class ImageRoutes
{
    public static void Map(IEndpointRouteBuilder app, ServingState state)
    {
        app.MapGet("/health", (HttpContext c) => V2Routes.Guard(c, () =>
        {
            var model = state.DefaultModel();
            return Results.Json(new { status = "ok", model = model.Name, models = state.Repository.Names.Count, provider = model.Provider });
        }));
        app.MapGet("/model", (HttpContext c) => V2Routes.Guard(c, () => Describe(state.DefaultModel())));
        app.MapPost("/predict", (Func<HttpContext, Task<IResult>>)(c => V2Routes.GuardAsync(c, () => PredictAsync(c, state, state.DefaultModel()))));
        app.MapPost("/v2/models/{name}/predict", (HttpContext c, string name) =>
            V2Routes.GuardAsync(c, () => PredictAsync(c, state, state.Repository.Find(name))));
        app.MapPost("/v2/models/{name}/versions/{version}/predict", (HttpContext c, string name, string version) =>
            V2Routes.GuardAsync(c, () => PredictAsync(c, state, state.Repository.Find(name, version))));
    }

    private static IResult Describe(ServedModel model) => Results.Json(new
    {
        name = model.Name,
        task = model.Info.Task,
        arch = model.Info.Arch,
        classes = model.Info.Classes,
        inputShape = model.Info.InputShape,
        dataset = model.Info.Dataset,
        metadata = PublicMetadata.Of(model.Info.Properties),
    });

    private static async Task<IResult> PredictAsync(HttpContext context, ServingState state, ServedModel model)
    {
        if (!model.Info.IsClassifier) throw new TensorException($"model '{model.Name}' is not a classifier; send tensors to /v2/models/{model.Name}/infer");
        var bytes = await RequestBody.ReadImageAsync(context.Request, context.RequestAborted);
        var input = await state.Images.ReadAsync(bytes, model, context.RequestAborted);
        var logits = await state.Runner.RunFirstOutputAsync(model, input);
        var values = new float[logits.Data.Length / sizeof(float)];
        Buffer.BlockCopy(logits.Data, 0, values, 0, logits.Data.Length);

        int top = int.TryParse(context.Request.Query["top"], out int k) && k > 0 ? k : state.Options.Top;
        return Results.Json(new { model = model.Name, top = Predictor.Rank(values, model.Info.Classes, top) });
    }
}
