using Toolkit.Serving.Images;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Metrics;
using Toolkit.Serving.Repository;

namespace Toolkit.Serving;

/// <summary>What the REST and gRPC handlers share: the models, the runner that batches them, the image reader and the metrics.</summary>
public sealed class ServingState(ModelRepository repository, InferenceRunner runner, ServerOptions options, ServerMetrics metrics, ImageInput images)
{
    public const string ServerName = "toolkit";

    /// <summary>Extensions of the Open Inference Protocol this server implements, as <c>GET /v2</c> lists them.</summary>
    public static readonly IReadOnlyList<string> Extensions = ["binary_tensor_data", "model_configuration"];

    public ModelRepository Repository { get; } = repository;
    public InferenceRunner Runner { get; } = runner;
    public ServerOptions Options { get; } = options;
    public ServerMetrics Metrics { get; } = metrics;
    public ImageInput Images { get; } = images;

    /// <summary>False once shutdown has begun: readiness says so while accepted requests drain.</summary>
    public bool Ready { get; set; } = true;

    public static string ServerVersion { get; } =
        typeof(ServingState).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The model behind <c>POST /predict</c>: the one named, else the first classifier in name order.</summary>
    public ServedModel DefaultModel()
    {
        if (Options.DefaultModel is not null) return Repository.Find(Options.DefaultModel);
        return Repository.Names.Select(n => Repository.Find(n)).FirstOrDefault(m => m.Info.IsClassifier && m.Inputs.Count == 1)
            ?? throw new ModelNotFoundException("the repository has no classifier for POST /predict; use /v2/models/{name}/infer");
    }
}
