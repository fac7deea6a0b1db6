namespace Toolkit.Recommender.Models.Baselines;

/// <summary>r̂ = mean + userBias[u] + movieBias[m]; either bias may be absent.</summary>
public sealed class BiasModel(double mean, double[]? userBias, double[]? movieBias,
    IReadOnlyDictionary<string, string>? details = null) : IRatingModel
{
    public IReadOnlyDictionary<string, string> Details => details ?? new Dictionary<string, string>();

    public double Predict(int user, int movie) =>
        mean + (userBias?[user] ?? 0) + (movieBias?[movie] ?? 0);
}
