using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Toolkit.Inference.Images;
using Toolkit.Serving.Images;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;
using Toolkit.Serving.Web;

namespace Toolkit.Serving.Rest;

/// <summary>The one place that decides which HTTP status an error gets; every error body is <c>{"error": "..."}</c>.</summary>
public static class ErrorMapping
{
    public const int RetryAfterSeconds = 1;

    public static int StatusOf(Exception e) => e switch
    {
        ModelNotFoundException => StatusCodes.Status404NotFound,
        PixelLimitException or ImageTooLargeException => StatusCodes.Status413PayloadTooLarge,
        BadHttpRequestException bad => bad.StatusCode,
        QueueFullException => StatusCodes.Status503ServiceUnavailable,
        TensorException or WebRequestException or ImageDecodeException or InvalidDataException or JsonException or NotSupportedException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string MessageOf(Exception e, int status) => e switch
    {
        BadHttpRequestException when status == StatusCodes.Status413PayloadTooLarge => "request body over the server's byte limit (--max-bytes)",
        InvalidDataException when status == StatusCodes.Status400BadRequest => $"malformed request body: {e.Message}",
        _ when status == StatusCodes.Status500InternalServerError => $"internal error: {e.Message}",
        _ => e.Message,
    };

    public static IResult ToResult(Exception e, HttpContext context)
    {
        int status = StatusOf(e);
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return Error(status, MessageOf(e, status));
    }

    public static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
