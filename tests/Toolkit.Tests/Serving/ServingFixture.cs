using Grpc.Net.Client;
using Toolkit.Inference.Sessions;
using Toolkit.Serving;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Repository;
using Xunit;

namespace Toolkit.Tests.Serving;

/// <summary>A real server on free loopback ports (REST and gRPC) over a model repository folder.</summary>
public class RunningServer : IAsyncDisposable
{
    private RunningServer(ModelRepository repository, ModelServer server)
    {
        Repository = repository;
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromSeconds(60) };
        Channel = GrpcChannel.ForAddress(server.GrpcAddress!);
    }

    public ModelRepository Repository { get; }
    public ModelServer Server { get; }
    public HttpClient Http { get; }
    public GrpcChannel Channel { get; }

    public static async Task<RunningServer> StartAsync(string path, ServerOptions? options = null)
    {
        var repository = ModelRepository.Open(path, ExecutionDevice.Cpu);
        var server = new ModelServer(repository, (options ?? new ServerOptions()) with { Host = "127.0.0.1", Port = 0, GrpcPort = 0 });
        await server.StartAsync();
        return new RunningServer(repository, server);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await Server.DisposeAsync();
        Repository.Dispose();
    }

    public static string ModelsFolder => Path.Combine(RepositoryRoot(), "models");

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Toolkit.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no Toolkit.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>One server over the committed models/ folder, shared by a test class.</summary>
public sealed class ModelsServerFixture : IAsyncLifetime
{
    public RunningServer Running { get; private set; } = null!;

    public async Task InitializeAsync() => Running = await RunningServer.StartAsync(RunningServer.ModelsFolder,
        new ServerOptions(MaxRequestBytes: 256 * 1024, Batching: new BatchingOptions(MaxBatch: 32)));

    public async Task DisposeAsync() => await Running.DisposeAsync();
}
