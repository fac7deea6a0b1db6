namespace Toolkit.Serving.Web;

/// <summary>A page route's request that cannot be answered as asked (wrong kind of model, option out of range): a 400.</summary>
public sealed class WebRequestException(string message) : Exception(message);
