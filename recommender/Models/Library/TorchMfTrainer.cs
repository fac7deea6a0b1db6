using System.Globalization;
using Toolkit.Recommender.Ratings;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Toolkit.Recommender.Models.Library;

/// <summary>
/// Matrix factorization in TorchSharp: user and movie embeddings of size d with user and movie biases around
/// the global mean, trained full-batch with Adam on Σ(r̂ − r)² + λ(‖P‖² + ‖Q‖²) + λ_b(‖b_u‖² + ‖b_m‖²),
/// divided by the number of ratings. Seeded, so a seed gives the same model on the same machine.
/// </summary>
public sealed class TorchMfTrainer : ILibraryTrainer
{
    public string Name => "torch-mf";
    public bool UsesRank => true;

    public int Steps { get; init; } = 200;

    /// <summary>libtorch threads during the fit. One is fastest for these small tensors on a busy 2-core machine.</summary>
    public int Threads { get; init; } = 1;
    public double LearningRate { get; init; } = 0.05;
    public double Lambda { get; init; } = 10;
    public double BiasLambda { get; init; } = 1;
    public double InitialScale { get; init; } = 0.1;

    public IRatingModel Fit(RatingMatrix train, FitContext context)
    {
        int threads = torch.get_num_threads();
        torch.set_num_threads(Threads);
        try
        {
            return Train(train, context);
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private FactorModel Train(RatingMatrix train, FitContext context)
    {
        int rank = context.Rank;
        torch.manual_seed(context.Seed);
        using var scope = torch.NewDisposeScope();
        var users = torch.tensor(train.Ratings.Select(r => (long)r.User).ToArray());
        var movies = torch.tensor(train.Ratings.Select(r => (long)r.Movie).ToArray());
        var ratings = torch.tensor(train.Ratings.Select(r => r.Value).ToArray());
        // Constants as 0-dim tensors: TorchSharp's implicit Scalar arguments (x * 0.1, x.square(), 1 + x) can be
        // finalised by the GC while libtorch still reads them, which shows as a random INTERNAL ASSERT in pow.
        var mean = torch.tensor((float)train.GlobalMean);
        var scale = torch.tensor((float)InitialScale);
        var lambda = torch.tensor((float)Lambda);
        var biasLambda = torch.tensor((float)BiasLambda);
        var count = torch.tensor((float)train.Count);
        var p = new Parameter(torch.randn(train.UserCount, rank).mul(scale));
        var q = new Parameter(torch.randn(train.MovieCount, rank).mul(scale));
        var userBias = new Parameter(torch.zeros(train.UserCount));
        var movieBias = new Parameter(torch.zeros(train.MovieCount));
        var optimizer = torch.optim.Adam([p, q, userBias, movieBias], LearningRate);
        double loss = double.NaN;
        for (int step = 1; step <= Steps; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var predicted = userBias.index_select(0, users).add(movieBias.index_select(0, movies)).add(mean)
                .add(p.index_select(0, users).mul(q.index_select(0, movies)).sum(1));
            var error = predicted.sub(ratings);
            var objective = error.mul(error).sum()
                .add(lambda.mul(p.mul(p).sum().add(q.mul(q).sum())))
                .add(biasLambda.mul(userBias.mul(userBias).sum().add(movieBias.mul(movieBias).sum())))
                .div(count);
            objective.backward();
            optimizer.step();
            loss = objective.item<float>();
            if (step % 50 == 0 || step == Steps)
                context.Progress?.Report(string.Create(CultureInfo.InvariantCulture, $"torch-mf d={rank}: step {step}/{Steps}, loss {loss:F4}"));
        }
        var details = new Dictionary<string, string>
        {
            ["optimizer"] = "Adam, full batch",
            ["steps"] = Steps.ToString(CultureInfo.InvariantCulture),
            ["learningRate"] = LearningRate.ToString(CultureInfo.InvariantCulture),
            ["lambda"] = Lambda.ToString(CultureInfo.InvariantCulture),
            ["finalLoss"] = loss.ToString("F4", CultureInfo.InvariantCulture),
        };
        return new FactorModel(rank, ToDoubles(p), ToDoubles(q), mean.item<float>(), ToDoubles(userBias), ToDoubles(movieBias), details);
    }

    private static double[] ToDoubles(Tensor tensor) =>
        tensor.detach().to_type(ScalarType.Float64).contiguous().data<double>().ToArray();
}
