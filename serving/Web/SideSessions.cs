using System.Collections.Concurrent;
using Toolkit.Format;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Topics;
using Toolkit.Serving.Repository;

namespace Toolkit.Serving.Web;

/// <summary>
/// Sessions the page's routes need beside the batched ones: a classifier with its gradient graph (so an attack runs
/// the same <see cref="SingleImageAttack"/> as <c>toolkit attack --image</c>) and topic encoders. Each is opened
/// from the served file the first time it is asked for, then kept until the server stops.
/// </summary>
public sealed class SideSessions(ModelRepository repository) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<AttackModels>> _attacks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<TopicInference>> _topics = new(StringComparer.Ordinal);

    /// <summary>A classifier and its gradient graph, served as NAME and NAME.grad.</summary>
    public sealed record AttackModels(OnnxModel Model, GradientModel Gradients);

    public bool CanAttack(ServedModel model) =>
        model.Info.IsClassifier && model.Inputs.Count == 1 && repository.Contains(model.Name + ModelRepository.GradientSuffix);

    public AttackModels AttackModelsFor(ServedModel model)
    {
        if (!model.Info.IsClassifier || model.Inputs.Count != 1)
            throw new WebRequestException($"model '{model.Name}' is not a classifier's forward graph; attacks take a classifier such as cifar10-lenet");
        if (!repository.Contains(model.Name + ModelRepository.GradientSuffix))
            throw new WebRequestException($"model '{model.Name}' has no gradient graph '{model.Name}{ModelRepository.GradientSuffix}' in the repository; write it with 'toolkit export-grad'");
        var gradientFile = repository.Find(model.Name + ModelRepository.GradientSuffix).Path;
        return _attacks.GetOrAdd(model.Path, path => new Lazy<AttackModels>(() =>
        {
            var forward = OnnxModel.Open(path, repository.Device);
            try
            {
                return new AttackModels(forward, GradientModel.Open(gradientFile, repository.Device));
            }
            catch
            {
                forward.Dispose();
                throw;
            }
        })).Value;
    }

    public TopicInference TopicsFor(ServedModel model)
    {
        if (model.Info.Task != ModelFormat.Tasks.Topics)
            throw new WebRequestException($"model '{model.Name}' is a {model.Info.Task} model, not a topic model");
        return _topics.GetOrAdd(model.Path, path => new Lazy<TopicInference>(() => new TopicInference(path))).Value;
    }

    public void Dispose()
    {
        foreach (var opened in _attacks.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            opened.Model.Dispose();
            opened.Gradients.Dispose();
        }
        foreach (var opened in _topics.Values.Where(l => l.IsValueCreated)) opened.Value.Dispose();
    }
}
