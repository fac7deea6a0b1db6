using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using Toolkit.Serving.Grpc;
using Toolkit.Serving.Images;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Metrics;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Rest;
using Toolkit.Serving.Web;

namespace Toolkit.Serving;

/// <summary>
/// Serves a model repository: the Open Inference Protocol over REST (HTTP/1.1) and gRPC (HTTP/2, its own port),
/// the image routes, the web page at <c>/</c> and Prometheus metrics. On SIGTERM or Ctrl+C it stops accepting connections, lets accepted
/// requests finish (up to the shutdown timeout), drains the model queues and returns.
/// </summary>
public sealed class ModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly InferenceRunner _runner;
    private readonly SideSessions _sideSessions;
    private readonly List<ListenOptions> _rest = [];
    private readonly List<ListenOptions> _grpc = [];

    public ModelServer(ModelRepository repository, ServerOptions options)
    {
        var metrics = new ServerMetrics();
        _runner = new InferenceRunner(repository, options.BatchingOrDefault, metrics);
        State = new ServingState(repository, _runner, options, metrics, new ImageInput(options.MaxPixels, new DecodeBudget(options.DecodeBudgetBytes)));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout ?? TimeSpan.FromSeconds(30));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = (int)Math.Min(options.MaxRequestBytes, int.MaxValue);
            grpc.MaxSendMessageSize = null;
        });
        builder.Services.AddSingleton(State);
        // Triton's clients may compress request bodies (Content-Encoding: gzip); the decompressed size keeps the byte limit.
        builder.Services.AddRequestDecompression();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            foreach (var address in Addresses(options.Host))
            {
                kestrel.Listen(address, options.Port, listen => { listen.Protocols = HttpProtocols.Http1; _rest.Add(listen); });
                if (options.GrpcPort is int grpcPort)
                    kestrel.Listen(address, grpcPort, listen => { listen.Protocols = HttpProtocols.Http2; _grpc.Add(listen); });
            }
        });

        _app = builder.Build();
        _app.Lifetime.ApplicationStopping.Register(() => State.Ready = false);
        _app.UseMiddleware<MetricsMiddleware>(metrics, repository);
        _app.UseRequestDecompression();
        _app.UseExceptionHandler(errors => errors.Run(context =>
            ErrorMapping.Error(StatusCodes.Status500InternalServerError, "internal error").ExecuteAsync(context)));
        V2Routes.Map(_app, State);
        ImageRoutes.Map(_app, State);
        _sideSessions = new SideSessions(repository);
        WebRoutes.Map(_app, State, _sideSessions, new Samples(Samples.FolderFor(repository.Root)));
        _app.MapGrpcService<InferenceGrpcService>();
        _app.MapMetrics("/metrics", metrics.Registry);
        _app.MapFallback((HttpContext context) => ErrorMapping.Error(StatusCodes.Status404NotFound,
            $"no route {context.Request.Method} {context.Request.Path}; see GET / (the web page), GET /v2, /v2/models/{{name}}, POST /v2/models/{{name}}/infer, POST /predict"));
    }

    public ServingState State { get; }

    /// <summary>The REST base address actually bound, e.g. <c>http://127.0.0.1:8080</c> (useful with port 0).</summary>
    public string Address => Url(_rest[0]);

    /// <summary>The gRPC address actually bound, or null without gRPC.</summary>
    public string? GrpcAddress => _grpc.Count > 0 ? Url(_grpc[0]) : null;

    private static string Url(ListenOptions listen) =>
        listen.IPEndPoint is { } endpoint
            ? $"http://{(endpoint.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{endpoint.Address}]" : endpoint.Address.ToString())}:{endpoint.Port}"
            : listen.ToString() ?? "";

    /// <summary>An IP address as given, or every address a host name resolves to.</summary>
    private static IReadOnlyList<IPAddress> Addresses(string host)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address)) return [address];
        try
        {
            var resolved = Dns.GetHostAddresses(host);
            return resolved.Length > 0 ? resolved : throw new ArgumentException($"--host '{host}' resolves to no address");
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ArgumentException($"--host '{host}': cannot resolve it ({e.Message})");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _runner.DisposeAsync();
        _sideSessions.Dispose();
        await _app.DisposeAsync();
    }
}
