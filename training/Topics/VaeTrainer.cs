using System.Diagnostics;
using Toolkit.Datasets.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Training.Topics;

/// <summary>Hyperparameters of a VAE topic-model run.</summary>
public sealed record VaeOptions
{
    public int Topics { get; init; } = 20;
    public int Hidden { get; init; } = 100;
    public double LearningRate { get; init; } = 1e-2;
    public int BatchSize { get; init; } = 64;
    /// <summary>The KL weight alpha rises linearly from 0 to 1 over this many steps.</summary>
    public int AnnealSteps { get; init; } = 1000;
    public int MaxEpochs { get; init; } = 100;
    /// <summary>Stop when the mean NPMI has not improved for this many epochs.</summary>
    public int Patience { get; init; } = 10;
    public bool DecoderBatchNorm { get; init; } = true;
    public bool EncoderBatchNorm { get; init; } = true;
    public double Dropout { get; init; } = 0.2;
    /// <summary>
    /// Which NPMI early stopping and the choice of the best epoch follow: the train split's (the default, which keeps
    /// the reference corpus out of model selection, so its NPMI is an honest report), or the reference corpus's (the recipe).
    /// </summary>
    public SelectionCorpus SelectOn { get; init; } = SelectionCorpus.Train;
    public int TopWords { get; init; } = 10;
    public int Seed { get; init; } = 1;
    public int Threads { get; init; }
}

public enum SelectionCorpus { Reference, Train }

/// <summary>
/// One epoch: mean loss terms per document, the mean NPMI of the topics after it on the reference corpus and the
/// NPMI that selection follows (the same unless selecting on the train split), its time.
/// </summary>
public sealed record EpochRecord(int Epoch, int Steps, double Alpha, double Loss, double Reconstruction, double Kl, double MeanNpmi,
    double SelectionNpmi, double Seconds);

public sealed record VaeResult(TopicVae Model, int BestEpoch, IReadOnlyList<EpochRecord> Epochs, TopicSummary[] Topics, double WallSeconds)
{
    public double MeanNpmi => TopicSummary.Mean(Topics);
}

/// <summary>
/// Trains <see cref="TopicVae"/> with Adam on sparse bags of words made dense one batch at a time, KL annealing,
/// and early stopping on the mean NPMI; the model that had the best mean NPMI is the one returned.
/// </summary>
public static class VaeTrainer
{
    public static VaeResult Train(TopicCorpus corpus, VaeOptions options, Action<EpochRecord>? onEpoch = null)
    {
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        var watch = Stopwatch.StartNew();
        var scorer = new NpmiScorer(corpus.Reference);
        var selection = options.SelectOn == SelectionCorpus.Train ? new NpmiScorer(corpus.Train) : scorer;
        var model = new TopicVae(corpus.Vocabulary.Count, options.Hidden, options.Topics, options.DecoderBatchNorm, options.Dropout,
            options.EncoderBatchNorm);
        var optimizer = optim.Adam(model.parameters(), options.LearningRate);
        var random = new Random(options.Seed);
        int[] documents = corpus.Train.NonEmptyRows();
        int v = corpus.Vocabulary.Count;
        var buffer = new float[options.BatchSize * v];
        var epochs = new List<EpochRecord>();
        Dictionary<string, Tensor>? best = null;
        double bestNpmi = double.NegativeInfinity;
        int bestEpoch = 0, step = 0;

        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            var epochWatch = Stopwatch.StartNew();
            model.train();
            random.Shuffle(documents);
            double loss = 0, reconstruction = 0, kl = 0, alpha = 0;
            int seen = 0, steps = 0;
            for (int start = 0; start + 1 < documents.Length; start += options.BatchSize)
            {
                int n = Math.Min(options.BatchSize, documents.Length - start);
                if (n < 2) break;
                alpha = options.AnnealSteps <= 0 ? 1 : Math.Min(1.0, (double)step / options.AnnealSteps);
                using (NoCollection.During())
                using (var scope = NewDisposeScope())
                {
                    corpus.Train.FillDense(documents.AsSpan(start, n), buffer);
                    var x = tensor(buffer, [options.BatchSize, v]).narrow(0, 0, n);
                    optimizer.zero_grad();
                    var (rec, klTerm) = model.Terms(x);
                    var total = (rec + alpha * klTerm).mean();
                    total.backward();
                    loss += total.item<float>() * n;
                    reconstruction += rec.mean().item<float>() * n;
                    kl += klTerm.mean().item<float>() * n;
                }
                // Outside the step's dispose scope: the optimizer keeps state from one step to the next.
                using (NoCollection.During()) optimizer.step();
                seen += n;
                steps++;
                step++;
            }
            if (!double.IsFinite(loss)) throw new InvalidOperationException($"the loss diverged in epoch {epoch}; try a lower --lr");

            var weights = model.TopicWordWeights();
            double npmi = TopicSummary.Mean(TopicSummary.Score(weights, corpus.Vocabulary, scorer, options.TopWords));
            double selected = selection == scorer ? npmi
                : TopicSummary.Mean(TopicSummary.Score(weights, corpus.Vocabulary, selection, options.TopWords));
            var record = new EpochRecord(epoch, steps, alpha, loss / seen, reconstruction / seen, kl / seen, npmi, selected,
                epochWatch.Elapsed.TotalSeconds);
            epochs.Add(record);
            onEpoch?.Invoke(record);
            if (selected > bestNpmi)
            {
                bestNpmi = selected;
                bestEpoch = epoch;
                Dispose(best);
                best = Snapshot(model);
            }
            else if (epoch - bestEpoch >= options.Patience) break;
        }

        if (best is not null)
        {
            model.load_state_dict(best);
            Dispose(best);
        }
        model.eval();
        var topics = TopicSummary.Score(model.TopicWordWeights(), corpus.Vocabulary, scorer, options.TopWords);
        return new VaeResult(model, bestEpoch, epochs, topics, watch.Elapsed.TotalSeconds);
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model)
    {
        using var _ = no_grad();
        return model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
    }

    private static void Dispose(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var tensor in state.Values) tensor.Dispose();
    }
}

/// <summary>
/// Holds off garbage collection while a training step calls into libtorch. TorchSharp 0.107 turns numbers into
/// native scalars implicitly and frees them in finalizers; a collection in the middle of an operation can free one
/// that the operation is still reading (seen as "Unknown scalar type" and similar failures after a few epochs).
/// Steps allocate little, so a no-GC region per step costs one small collection at its start.
/// </summary>
internal readonly struct NoCollection : IDisposable
{
    private const long Budget = 64L << 20;
    private readonly bool _started;

    private NoCollection(bool started) => _started = started;

    public static NoCollection During()
    {
        try { return new NoCollection(GC.TryStartNoGCRegion(Budget)); }
        catch (InvalidOperationException) { return new NoCollection(false); }
    }

    public void Dispose()
    {
        if (_started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
