using Toolkit.Datasets.Text;
using Toolkit.Training.Topics;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Topics;

public sealed class TopicVaeTests
{
    [Fact]
    public void KlTermMatchesTheClosedForm()
    {
        float[] mu = [0.5f, -1.0f, 0.0f, 2.0f, 0.3f, -0.7f];
        float[] sigma = [1.0f, 0.5f, 2.0f, 0.1f, 1.5f, 0.8f];
        using var muTensor = tensor(mu, [2, 3]);
        using var logSigma = tensor(sigma.Select(s => MathF.Log(s)).ToArray(), [2, 3]);
        using var kl = TopicVae.KlDivergence(muTensor, logSigma);
        float[] actual = kl.data<float>().ToArray();

        for (int row = 0; row < 2; row++)
        {
            // KL(N(mu, sigma^2) || N(0, 1)) = sum over dimensions of (sigma^2 + mu^2 - 1) / 2 - ln sigma
            double expected = 0;
            for (int k = 0; k < 3; k++)
            {
                double m = mu[row * 3 + k], s = sigma[row * 3 + k];
                expected += (s * s + m * m - 1) / 2 - Math.Log(s);
            }
            Assert.Equal(expected, actual[row], 4);
        }
    }

    [Fact]
    public void KlTermIsZeroForTheStandardNormal()
    {
        using var zeros = torch.zeros(4, 5);
        using var kl = TopicVae.KlDivergence(zeros, zeros);
        Assert.All(kl.data<float>().ToArray(), v => Assert.Equal(0, v, 6));
    }

    [Fact]
    public void ReparameterisationLetsGradientsReachMuAndSigma()
    {
        using var mu = tensor(new float[] { 0.5f, -0.2f }, requires_grad: true);
        using var logSigma = tensor(new float[] { 0.1f, -0.3f }, requires_grad: true);
        using var noise = tensor(new float[] { 1.5f, -0.5f });
        using var z = TopicVae.Reparameterize(mu, logSigma, noise);
        using var loss = z.square().sum();
        loss.backward();

        float[] m = [0.5f, -0.2f], ls = [0.1f, -0.3f], e = [1.5f, -0.5f];
        float[] dMu = mu.grad!.data<float>().ToArray(), dLogSigma = logSigma.grad!.data<float>().ToArray();
        for (int i = 0; i < 2; i++)
        {
            float zi = m[i] + MathF.Exp(ls[i]) * e[i];
            Assert.Equal(2 * zi, dMu[i], 4);                              // dz/dmu = 1
            Assert.Equal(2 * zi * MathF.Exp(ls[i]) * e[i], dLogSigma[i], 4); // dz/dlog sigma = sigma * noise
            Assert.NotEqual(0, dLogSigma[i]);
        }
    }

    [Fact]
    public void EncoderParametersReceiveGradientsThroughTheSampledLoss()
    {
        torch.manual_seed(3);
        using var model = new TopicVae(vocabulary: 12, hidden: 8, topics: 4, decoderBatchNorm: true, encoderBatchNorm: true);
        using var x = torch.randint(0, 3, [6, 12]).to(ScalarType.Float32);
        var (rec, kl) = model.Terms(x);
        (rec + kl).mean().backward();
        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.NotNull(parameter.grad);
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name} got no gradient");
        }
    }

    [Fact]
    public void TrainsOnATinyCorpusWithoutError()
    {
        var corpus = TwoThemeCorpus.Create();

        var result = VaeTrainer.Train(corpus, new VaeOptions
        {
            Topics = 2, Hidden = 8, BatchSize = 8, MaxEpochs = 3, Patience = 5, AnnealSteps = 4, TopWords = 4, Threads = 1,
        });
        using var model = result.Model;

        Assert.Equal(3, result.Epochs.Count);
        Assert.All(result.Epochs, e => Assert.True(double.IsFinite(e.Loss)));
        Assert.Equal(2, result.Topics.Length);
    }
}
