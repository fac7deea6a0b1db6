namespace Toolkit.Serving.Repository;

/// <summary>A request names a model or version the repository does not list (HTTP 404, gRPC NOT_FOUND).</summary>
public sealed class ModelNotFoundException(string message) : Exception(message);
