using System.Threading.Channels;
using Toolkit.Serving.Metrics;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Inference;

/// <summary>
/// One model's request queue: concurrent requests whose inputs agree on every dimension but the first are
/// stacked into one ONNX Runtime call and their outputs split again. The queue is bounded; a full queue refuses
/// new requests at once (<see cref="QueueFullException"/>) rather than letting latency and memory grow.
/// </summary>
public sealed class ModelBatcher : IAsyncDisposable
{
    private readonly ServedModel _model;
    private readonly BatchingOptions _options;
    private readonly ServerMetrics _metrics;
    private readonly Channel<Call> _queue;
    private readonly Task _loop;
    private Call? _carried;

    private sealed record Call(IReadOnlyList<Tensor> Inputs, int BatchSize, TaskCompletionSource<IReadOnlyList<Tensor>> Result)
    {
        /// <summary>Calls with equal keys can be stacked: same shapes apart from the batch dimension.</summary>
        public string StackKey { get; } = string.Join(";", Inputs.Select(i => string.Join(",", i.Shape.Skip(1))));
    }

    public ModelBatcher(ServedModel model, BatchingOptions options, ServerMetrics metrics)
    {
        _model = model;
        _options = options;
        _metrics = metrics;
        _queue = Channel.CreateBounded<Call>(new BoundedChannelOptions(options.QueueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _loop = Task.Run(RunLoopAsync);
    }

    public int QueueDepth => _queue.Reader.Count;

    /// <summary>Queues inputs checked by <see cref="InputCheck"/> and returns every model output once their batch has run.</summary>
    public Task<IReadOnlyList<Tensor>> RunAsync(IReadOnlyList<Tensor> inputs, int batchSize)
    {
        var call = new Call(inputs, batchSize, new TaskCompletionSource<IReadOnlyList<Tensor>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(call)) throw new QueueFullException(_model.Name, _options.QueueLimit);
        _metrics.QueueDepth.WithLabels(_model.Name).Set(_queue.Reader.Count);
        return call.Result.Task;
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<Call>();
        while (_carried is not null || await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            await CollectAsync(batch);
            _metrics.QueueDepth.WithLabels(_model.Name).Set(_queue.Reader.Count);
            Run(batch);
        }
    }

    /// <summary>Takes the first waiting call, then compatible ones arriving within the window, up to the batch cap.</summary>
    private async Task CollectAsync(List<Call> batch)
    {
        if (_carried is not null) { batch.Add(_carried); _carried = null; }
        else if (_queue.Reader.TryRead(out var first)) batch.Add(first);
        if (batch.Count == 0 || !_model.CanBatch) return;

        int examples = batch[0].BatchSize;
        using var window = new CancellationTokenSource(_options.WindowOrDefault);
        while (examples < _options.MaxBatch)
        {
            if (_queue.Reader.TryRead(out var next))
            {
                if (next.StackKey != batch[0].StackKey || examples + next.BatchSize > _options.MaxBatch) { _carried = next; return; }
                batch.Add(next);
                examples += next.BatchSize;
                continue;
            }
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(window.Token)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Run(List<Call> batch)
    {
        if (batch.Count == 0) return;
        try
        {
            var inputs = batch.Count == 1 ? batch[0].Inputs : Stack(batch);
            var outputs = _model.Run(inputs);
            _metrics.BatchSize.WithLabels(_model.Name).Observe(batch.Sum(c => c.BatchSize));
            if (batch.Count == 1) { batch[0].Result.SetResult(outputs); return; }

            int offset = 0;
            foreach (var call in batch)
            {
                call.Result.SetResult(outputs.Select(o => Rows(o, offset, call.BatchSize)).ToList());
                offset += call.BatchSize;
            }
        }
        catch (Exception e)
        {
            foreach (var call in batch) call.Result.TrySetException(e);
        }
    }

    private static IReadOnlyList<Tensor> Stack(List<Call> batch)
    {
        int total = batch.Sum(c => c.BatchSize);
        return batch[0].Inputs.Select((first, i) =>
        {
            var data = new byte[batch.Sum(c => c.Inputs[i].Data.Length)];
            int at = 0;
            foreach (var call in batch)
            {
                call.Inputs[i].Data.CopyTo(data, at);
                at += call.Inputs[i].Data.Length;
            }
            return first with { Shape = [total, .. first.Shape.Skip(1)], Data = data };
        }).ToList();
    }

    private static Tensor Rows(Tensor output, int first, int count)
    {
        int rowBytes = output.Data.Length / (int)output.Shape[0];
        return output with { Shape = [count, .. output.Shape.Skip(1)], Data = output.Data.AsSpan(first * rowBytes, count * rowBytes).ToArray() };
    }

    /// <summary>Stops taking requests; those already queued still run.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
