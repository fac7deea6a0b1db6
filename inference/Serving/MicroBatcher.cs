using System.Threading.Channels;

namespace Toolkit.Inference.Serving;

/// <summary>
/// Collects concurrent single-image requests into batches for one model: the first waiting request opens
/// a batch, which takes whatever else arrives within a short window (up to a size cap) and runs once.
/// </summary>
public sealed class MicroBatcher : IAsyncDisposable
{
    private readonly OnnxModel _model;
    private readonly int _maxBatch;
    private readonly TimeSpan _window;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    private sealed record Pending(float[] Input, TaskCompletionSource<float[]> Result);

    public MicroBatcher(OnnxModel model, int maxBatch = 32, TimeSpan? window = null)
    {
        _model = model;
        _maxBatch = maxBatch;
        _window = window ?? TimeSpan.FromMilliseconds(2);
        _loop = Task.Run(RunLoopAsync);
    }

    public long Batches { get; private set; }

    /// <summary>Queues one model input and returns its output once its batch has run.</summary>
    public Task<float[]> RunAsync(float[] input)
    {
        var pending = new Pending(input, new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("the server is shutting down");
        return pending.Result.Task;
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            await CollectAsync(batch);
            Run(batch);
        }
    }

    private async Task CollectAsync(List<Pending> batch)
    {
        using var window = new CancellationTokenSource(_window);
        while (batch.Count < _maxBatch)
        {
            if (_queue.Reader.TryRead(out var next)) { batch.Add(next); continue; }
            if (batch.Count > 0 && window.IsCancellationRequested) break;
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(window.Token)) break;
            }
            catch (OperationCanceledException)
            {
                if (batch.Count > 0) break;
            }
        }
    }

    private void Run(List<Pending> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            int size = _model.Info.InputSize;
            var input = new float[batch.Count * size];
            for (int i = 0; i < batch.Count; i++) batch[i].Input.CopyTo(input, i * size);
            var output = _model.Run(input, batch.Count);
            for (int i = 0; i < batch.Count; i++)
                batch[i].Result.SetResult(output.AsSpan(i * _model.OutputSize, _model.OutputSize).ToArray());
            Batches++;
        }
        catch (Exception e)
        {
            foreach (var pending in batch) pending.Result.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
