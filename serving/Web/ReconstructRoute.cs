using Microsoft.AspNetCore.Http;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;

namespace Toolkit.Serving.Web;

/// <summary>
/// <c>POST /v2/models/{name}/reconstruct</c>: an image (raw bytes or a multipart file) through a reconstruction
/// model (an MNIST autoencoder or PCA); the answer is the input as the model sees it, the reconstruction (PNG,
/// base64) and their mean squared error, the number <c>toolkit predict</c> prints for the same image.
/// </summary>
public static class ReconstructRoute
{
    public static async Task<IResult> HandleAsync(HttpContext context, ServingState state, ServedModel model)
    {
        if (model.Info.Task != ModelInfo.Reconstruction)
            throw new WebRequestException($"model '{model.Name}' is a {model.Info.Task} model, not a reconstruction model");
        var bytes = await RequestBody.ReadImageAsync(context.Request, context.RequestAborted);
        var input = await state.Images.ReadAsync(bytes, model, context.RequestAborted);
        var output = (await state.Runner.RunFirstOutputAsync(model, input)).AsFloats();
        var pixels = input.AsFloats();
        return Results.Json(new
        {
            model = model.Name,
            mse = ReconstructionEvaluator.SquaredError(pixels, output) / pixels.Length,
            input = PngBase64.Of(pixels, model.Info),
            reconstruction = PngBase64.Of(output, model.Info),
        });
    }
}
