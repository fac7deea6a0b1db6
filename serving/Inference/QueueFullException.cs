namespace Toolkit.Serving.Inference;

/// <summary>A model's request queue is full (HTTP 503 with Retry-After, gRPC UNAVAILABLE).</summary>
public sealed class QueueFullException(string model, int limit)
    : Exception($"model '{model}' has {limit} requests waiting; retry later");
