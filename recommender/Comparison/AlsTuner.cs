using System.Diagnostics;
using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;

namespace Toolkit.Recommender.Comparison;

/// <summary>
/// Chooses d, λ and the bias λ of the ALS with biases on a validation part carved (seeded NumPy-style permutation) from
/// the training ratings; the test ratings are never looked at. The caller then refits on all training data.
/// </summary>
public static class AlsTuner
{
    public static TuningResult Search(
        IReadOnlyList<Rating> train, IReadOnlyList<int> ranks, IReadOnlyList<double> lambdas, IReadOnlyList<double> biasLambdas,
        AlsOptions options,
        double validationFraction, uint seed, IProgress<string>? progress = null)
    {
        if (ranks.Count == 0 || lambdas.Count == 0 || biasLambdas.Count == 0)
            throw new ArgumentException("the search needs at least one rank, one λ and one bias λ");
        var clock = Stopwatch.StartNew();
        var (fit, validation) = Splitter.PermutedParts(train, seed, validationFraction);
        var matrix = new RatingMatrix(fit);
        var grid = new List<TuningPoint>();
        foreach (int rank in ranks)
            foreach (double lambda in lambdas)
                foreach (double biasLambda in biasLambdas)
                {
                    var result = AlsSolver.Fit(matrix, rank, options with { Lambda = lambda, BiasLambda = biasLambda, Biases = true }, seed);
                    var point = new TuningPoint(rank, lambda, biasLambda, ErrorMetrics.Of(result.Model, validation).Mse,
                        result.Elapsed.TotalSeconds);
                    grid.Add(point);
                    progress?.Report($"tuning ALS with biases: d={rank} λ={lambda} bias λ={biasLambda} validation MSE {point.ValidationMse:F4}");
                }
        var best = grid.MinBy(p => p.ValidationMse)!;
        return new TuningResult(validationFraction, seed, fit.Count, validation.Count, grid, best.Rank, best.Lambda, best.BiasLambda,
            clock.Elapsed.TotalSeconds);
    }
}
