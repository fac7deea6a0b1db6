using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;

namespace Toolkit.Inference.Serving;

public sealed record ServerOptions(string Host = "127.0.0.1", int Port = 8080, long MaxRequestBytes = 8 * 1024 * 1024, int Top = 5);

/// <summary>
/// Serves one classifier over HTTP: <c>POST /predict</c> (raw image bytes or a multipart file),
/// <c>GET /health</c>, <c>GET /model</c>. Errors are JSON with 4xx codes; concurrent requests are micro-batched.
/// </summary>
public sealed class PredictionServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MicroBatcher _batcher;
    private readonly OnnxModel _model;
    private readonly ServerOptions _options;

    public PredictionServer(OnnxModel model, ServerOptions options)
    {
        if (!model.Info.IsClassifier) throw new InvalidOperationException($"{model.Path} is not a classifier; serve needs one");
        _model = model;
        _options = options;
        _batcher = new MicroBatcher(model);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        _app = builder.Build();
        MapRoutes(_app);
    }

    /// <summary>The address actually bound (useful with port 0).</summary>
    public string Address =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    private void MapRoutes(WebApplication app)
    {
        app.MapGet("/health", () => Results.Json(new { status = "ok", model = Path.GetFileName(_model.Path), provider = _model.Provider }));
        app.MapGet("/model", () => Results.Json(new
        {
            task = _model.Info.Task,
            arch = _model.Info.Arch,
            classes = _model.Info.Classes,
            inputShape = _model.Info.InputShape,
            dataset = _model.Info.Dataset,
            metadata = _model.Info.Properties,
        }));
        app.MapPost("/predict", (Func<HttpContext, Task<IResult>>)PredictAsync);
        app.MapFallback((HttpContext context) =>
            Error(StatusCodes.Status404NotFound, $"no route {context.Request.Method} {context.Request.Path}; try POST /predict, GET /health, GET /model"));
    }

    private async Task<IResult> PredictAsync(HttpContext context)
    {
        byte[] body;
        try
        {
            body = await ReadImageAsync(context.Request, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"request body over the {_options.MaxRequestBytes} byte limit");
        }
        catch (InvalidDataException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        float[] input;
        try
        {
            using var bitmap = ImageDecoder.Decode(body, "request body");
            input = ImageTensor.ToInput(bitmap, _model.Info);
        }
        catch (ImageDecodeException e)
        {
            return Error(StatusCodes.Status400BadRequest, e.Message);
        }

        int top = int.TryParse(context.Request.Query["top"], out int k) && k > 0 ? k : _options.Top;
        var logits = await _batcher.RunAsync(input);
        return Results.Json(new { top = Predictor.Rank(logits, _model.Info.Classes, top) });
    }

    private static async Task<byte[]> ReadImageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Only multipart bodies are forms here: curl --data-binary labels raw bytes as url-encoded.
        bool multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        if (multipart)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.FirstOrDefault() ?? throw new InvalidDataException("multipart request has no file part");
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            return stream.ToArray();
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length == 0) throw new InvalidDataException("empty request body; send image bytes or a multipart file");
        return body.ToArray();
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message, status }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _batcher.DisposeAsync();
        await _app.DisposeAsync();
    }
}
