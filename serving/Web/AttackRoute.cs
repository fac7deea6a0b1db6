using Microsoft.AspNetCore.Http;
using Toolkit.Inference.Attacks;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;

namespace Toolkit.Serving.Web;

/// <summary>
/// <c>POST /v2/models/{name}/attack</c>: FGSM or PGD against one image through the model's gradient graph
/// (<c>NAME.grad</c>), by the same code as <c>toolkit attack --image</c>. The answer holds the image as the model
/// sees it, the adversarial image (8-bit PNG, base64) and the predictions before and after.
/// </summary>
public static class AttackRoute
{
    public const int DefaultSteps = 10;

    public static async Task<IResult> HandleAsync(HttpContext context, ServingState state, SideSessions sessions, ServedModel model)
    {
        var opened = sessions.AttackModelsFor(model);
        var request = AttackRequest.Parse(await RequestBody.ReadAllAsync(context.Request, context.RequestAborted));
        var info = model.Info;
        var input = (await state.Images.ReadAsync(request.ImageBytes(), model, context.RequestAborted)).AsFloats();

        IAttack attack;
        Targets targets;
        try
        {
            attack = AttackMethods.Parse(request.Method ?? "fgsm", request.Steps ?? DefaultSteps, null, false, 0).Single();
            targets = Targets.Parse(request.TargetText, info.Classes);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new WebRequestException(e.Message.Replace("--targeted", "target").Replace("--method", "method").Replace("expected random, ", "expected "));
        }
        if (targets.Random) throw new WebRequestException("target: one image takes a class name or index, not random");

        float eps = request.Eps!.Value;
        var result = SingleImageAttack.Run(opened.Model, opened.Gradients, "image", input, attack, eps, targets, state.Options.Top);
        return Results.Json(new
        {
            model = model.Name,
            method = attack.Name,
            eps,
            target = targets.Class is int c ? info.Classes[c] : null,
            original = PngBase64.Of(input, info),
            adversarial = PngBase64.Of(result.Adversarial, info),
            before = result.Before.Top,
            after = result.After.Top,
            linf = result.Linf,
        });
    }
}
