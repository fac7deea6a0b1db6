namespace Toolkit.Serving.Images;

/// <summary>An image whose header declares more pixels than the server decodes (HTTP 413).</summary>
public sealed class PixelLimitException(string message) : Exception(message);
