using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Training.Topics;

/// <summary>
/// The VAE topic model: encoder h = ReLU(W_h ReLU(W_x x)), mu = W_mu h, sigma = exp(W_sigma h); a sample
/// z = mu + sigma * noise; decoder theta = softmax(z), eta = softmax(B theta) with B (V x T) without bias. Optionally
/// batch normalisation of B theta before the softmax and of mu and log sigma (as ProdLDA does: with raw counts as
/// input, log sigma can otherwise grow until sigma^2 overflows), and dropout on h.
/// </summary>
public sealed class TopicVae : nn.Module
{
    private readonly Linear inputLayer;
    private readonly Linear hiddenLayer;
    private readonly Linear muLayer;
    private readonly Linear logSigmaLayer;
    private readonly Linear decoder;
    private readonly BatchNorm1d? decoderNorm;
    private readonly BatchNorm1d? muNorm;
    private readonly BatchNorm1d? logSigmaNorm;
    private readonly Dropout? dropout;

    public TopicVae(int vocabulary, int hidden, int topics, bool decoderBatchNorm = false, double dropoutRate = 0,
        bool encoderBatchNorm = false)
        : base(nameof(TopicVae))
    {
        Vocabulary = vocabulary;
        Hidden = hidden;
        Topics = topics;
        inputLayer = nn.Linear(vocabulary, hidden);
        hiddenLayer = nn.Linear(hidden, hidden);
        muLayer = nn.Linear(hidden, topics);
        logSigmaLayer = nn.Linear(hidden, topics);
        decoder = nn.Linear(topics, vocabulary, hasBias: false);
        if (decoderBatchNorm) decoderNorm = nn.BatchNorm1d(vocabulary, affine: false);
        if (encoderBatchNorm)
        {
            muNorm = nn.BatchNorm1d(topics, affine: false);
            logSigmaNorm = nn.BatchNorm1d(topics, affine: false);
        }
        if (dropoutRate > 0) dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    public int Vocabulary { get; }
    public int Hidden { get; }
    public int Topics { get; }

    /// <summary>mu and log sigma of the posterior over z, both [N, T].</summary>
    public (Tensor Mu, Tensor LogSigma) Encode(Tensor x)
    {
        var h = nn.functional.relu(hiddenLayer.call(nn.functional.relu(inputLayer.call(x))));
        if (dropout is not null) h = dropout.call(h);
        var mu = muLayer.call(h);
        var logSigma = logSigmaLayer.call(h);
        if (muNorm is not null) mu = muNorm.call(mu);
        if (logSigmaNorm is not null) logSigma = logSigmaNorm.call(logSigma);
        return (mu, logSigma);
    }

    /// <summary>The reparameterisation trick: z = mu + sigma * noise, differentiable in mu and sigma.</summary>
    public static Tensor Reparameterize(Tensor mu, Tensor logSigma, Tensor noise) => mu + logSigma.exp() * noise;

    /// <summary>KL(N(mu, sigma^2) || N(0, 1)) per document: 1/2 sum(sigma^2 + mu^2 - 1 - log sigma^2).</summary>
    public static Tensor KlDivergence(Tensor mu, Tensor logSigma) =>
        0.5 * ((2 * logSigma).exp() + mu * mu - 1 - 2 * logSigma).sum(1);

    /// <summary>log eta, [N, V]: the log word distribution for topic logits z.</summary>
    public Tensor LogEta(Tensor z)
    {
        var logits = decoder.call(nn.functional.softmax(z, 1));
        if (decoderNorm is not null) logits = decoderNorm.call(logits);
        return nn.functional.log_softmax(logits, 1);
    }

    /// <summary>Per document: the reconstruction term -sum_w x_w log eta_w and the KL term, each [N].</summary>
    public (Tensor Reconstruction, Tensor Kl) Terms(Tensor x)
    {
        var (mu, logSigma) = Encode(x);
        var z = Reparameterize(mu, logSigma, randn_like(mu));
        return (-(x * LogEta(z)).sum(1), KlDivergence(mu, logSigma));
    }

    /// <summary>Topic proportions at inference: theta = softmax(mu), no noise.</summary>
    public Tensor TopicProportions(Tensor x) => nn.functional.softmax(Encode(x).Mu, 1);

    /// <summary>The decoder's word weights per topic, weights[topic][word] (the columns of B).</summary>
    public float[][] TopicWordWeights()
    {
        using var _ = no_grad();
        float[] b = decoder.weight!.detach().cpu().data<float>().ToArray();
        var weights = new float[Topics][];
        for (int t = 0; t < Topics; t++)
        {
            weights[t] = new float[Vocabulary];
            for (int w = 0; w < Vocabulary; w++) weights[t][w] = b[w * Topics + t];
        }
        return weights;
    }

    /// <summary>
    /// The encoder's layers as (weight [out, in] row-major, bias), in order: W_x, W_h, W_mu. The batch
    /// normalisation of mu, if any, is folded into W_mu with its running statistics (as in eval mode).
    /// </summary>
    public IReadOnlyList<(float[] Weight, int Out, int In, float[] Bias)> EncoderLayers()
    {
        using var _ = no_grad();
        var layers = new[] { inputLayer, hiddenLayer, muLayer }.Select(l => (
            l.weight!.detach().cpu().data<float>().ToArray(), (int)l.weight.shape[0], (int)l.weight.shape[1],
            l.bias!.detach().cpu().data<float>().ToArray())).ToList();
        if (muNorm is null) return layers;
        float[] mean = muNorm.running_mean!.cpu().data<float>().ToArray();
        float[] variance = muNorm.running_var!.cpu().data<float>().ToArray();
        var (weight, outputs, inputs, bias) = layers[^1];
        for (int o = 0; o < outputs; o++)
        {
            float scale = 1 / MathF.Sqrt(variance[o] + (float)muNorm.eps);
            for (int i = 0; i < inputs; i++) weight[o * inputs + i] *= scale;
            bias[o] = (bias[o] - mean[o]) * scale;
        }
        return layers;
    }
}
