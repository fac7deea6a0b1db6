namespace Toolkit.Serving.Images;

/// <summary>
/// Bounds the memory of image decodes running at once: each decode reserves its decoded size (width × height × 4
/// bytes) before it starts and waits while the budget is spent, so concurrent large images queue instead of
/// multiplying memory. Small images reserve little and pass while a large one decodes.
/// </summary>
public sealed class DecodeBudget(long capacityBytes)
{
    private readonly object _gate = new();
    private long _available = capacityBytes;
    private TaskCompletionSource _released = NewSignal();

    public long CapacityBytes { get; } = capacityBytes;

    public async Task<IDisposable> ReserveAsync(long bytes, CancellationToken cancellationToken)
    {
        if (bytes > CapacityBytes) throw new PixelLimitException($"decoding needs {bytes} bytes, over the server's decode budget of {CapacityBytes}");
        while (true)
        {
            Task released;
            lock (_gate)
            {
                if (_available >= bytes)
                {
                    _available -= bytes;
                    return new Lease(this, bytes);
                }
                released = _released.Task;
            }
            await released.WaitAsync(cancellationToken);
        }
    }

    private void Release(long bytes)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _available += bytes;
            signal = _released;
            _released = NewSignal();
        }
        signal.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease(DecodeBudget budget, long bytes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) budget.Release(bytes);
        }
    }
}
