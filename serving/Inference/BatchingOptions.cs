namespace Toolkit.Serving.Inference;

/// <summary>
/// How one model's requests are collected: up to <paramref name="MaxBatch"/> examples per ONNX Runtime call,
/// waiting at most <paramref name="Window"/> for more once one request is waiting, and at most
/// <paramref name="QueueLimit"/> requests waiting before new ones are refused.
/// </summary>
public sealed record BatchingOptions(int MaxBatch = 32, TimeSpan? Window = null, int QueueLimit = 256)
{
    public TimeSpan WindowOrDefault => Window ?? TimeSpan.FromMilliseconds(2);
}
