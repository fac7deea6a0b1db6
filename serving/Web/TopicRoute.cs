using System.Text;
using Microsoft.AspNetCore.Http;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;

namespace Toolkit.Serving.Web;

/// <summary>
/// <c>POST /v2/models/{name}/topics</c>: a text (UTF-8 body) through a topic model's encoder, tokenised as
/// <c>toolkit topics infer</c> does; the answer is every topic's share, largest first, with its top words.
/// </summary>
public static class TopicRoute
{
    public static async Task<IResult> HandleAsync(HttpContext context, SideSessions sessions, ServedModel model)
    {
        var topics = sessions.TopicsFor(model);
        var body = await RequestBody.ReadAllAsync(context.Request, context.RequestAborted);
        if (body.Length == 0) throw new WebRequestException("empty text; send the document as the request body");
        var mix = topics.Infer(Encoding.UTF8.GetString(body));
        return Results.Json(new
        {
            model = model.Name,
            tokens = mix.Tokens,
            knownTokens = mix.KnownTokens,
            topics = mix.Topics.Select(t => new { topic = t.Topic, proportion = t.Proportion, words = t.Words }),
        });
    }
}
