namespace Toolkit.Serving.Images;

/// <summary>An image whose decoded size is over the server's decode budget (HTTP 413).</summary>
public sealed class PixelLimitException(string message) : Exception(message);
