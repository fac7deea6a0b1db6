using Toolkit.Serving.Metrics;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Inference;

/// <summary>
/// Runs inference requests against the repository, whichever protocol they came in by: finds the model
/// (404 if unlisted), checks the inputs, queues them on the model's batcher and picks the outputs asked for.
/// </summary>
public sealed class InferenceRunner : IAsyncDisposable
{
    private readonly ModelRepository _repository;
    private readonly BatchingOptions _options;
    private readonly Dictionary<ServedModel, ModelBatcher> _batchers;

    public InferenceRunner(ModelRepository repository, BatchingOptions options, ServerMetrics metrics)
    {
        _repository = repository;
        _options = options;
        _batchers = repository.All.ToDictionary(m => m, m => new ModelBatcher(m, options, metrics));
    }

    public ModelRepository Repository => _repository;

    public async Task<InferResponse> InferAsync(string name, string? version, InferRequest request)
    {
        var model = _repository.Find(name, version);
        var (inputs, batchSize) = InputCheck.Order(model, request.Inputs, _options.MaxBatch);
        var selected = Select(model, request);
        var outputs = await _batchers[model].RunAsync(inputs, batchSize);
        var chosen = selected.Select(s => (outputs.First(o => o.Name == s.Name), s.Binary)).ToList();
        return new InferResponse(model.Name, model.Version, request.Id, chosen);
    }

    /// <summary>Runs one example through a model's first input and returns its first output (the image routes).</summary>
    public async Task<Tensor> RunFirstOutputAsync(ServedModel model, Tensor input)
    {
        var (inputs, batchSize) = InputCheck.Order(model, [input], _options.MaxBatch);
        var outputs = await _batchers[model].RunAsync(inputs, batchSize);
        return outputs[0];
    }

    private static IReadOnlyList<RequestedOutput> Select(ServedModel model, InferRequest request)
    {
        if (request.Outputs.Count == 0) return model.Outputs.Select(o => new RequestedOutput(o.Name, request.BinaryByDefault)).ToList();
        foreach (var output in request.Outputs)
            if (!model.Outputs.Any(o => o.Name == output.Name))
                throw new TensorException($"model '{model.Name}' has no output '{output.Name}'; outputs: {string.Join(", ", model.Outputs.Select(o => o.Name))}");
        return request.Outputs;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in _batchers.Values) await batcher.DisposeAsync();
    }
}
