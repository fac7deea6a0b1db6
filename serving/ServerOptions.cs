using Toolkit.Serving.Inference;

namespace Toolkit.Serving;

/// <summary>
/// What <c>toolkit serve</c> listens on and how much it takes: REST on <paramref name="Port"/>, gRPC on
/// <paramref name="GrpcPort"/> (null: no gRPC), port 0 picks a free one.
/// </summary>
public sealed record ServerOptions(
    string Host = "127.0.0.1",
    int Port = 8080,
    int? GrpcPort = 8081,
    long MaxRequestBytes = 8 * 1024 * 1024,
    int Top = 5,
    string? DefaultModel = null,
    long MaxPixels = 50_000_000,
    long DecodeBudgetBytes = 512L * 1024 * 1024,
    BatchingOptions? Batching = null,
    TimeSpan? ShutdownTimeout = null)
{
    public BatchingOptions BatchingOrDefault => Batching ?? new BatchingOptions();
}
