namespace Toolkit.Recommender.Models;

/// <summary>
/// r̂(u, m) = mean + userBias[u] + movieBias[m] + U[u] · V[m], with U and V stored row-major (rank d columns).
/// SVD, ALS and the TorchSharp factorization all produce this shape.
/// </summary>
public sealed class FactorModel(
    int rank, double[] userFactors, double[] movieFactors,
    double mean = 0, double[]? userBias = null, double[]? movieBias = null,
    IReadOnlyDictionary<string, string>? details = null) : IRatingModel
{
    public int Rank => rank;
    public double[] UserFactors => userFactors;
    public double[] MovieFactors => movieFactors;
    public double Mean => mean;
    public double[]? UserBias => userBias;
    public double[]? MovieBias => movieBias;

    public IReadOnlyDictionary<string, string> Details => details ?? new Dictionary<string, string>();

    public double Predict(int user, int movie)
    {
        double value = mean;
        if (userBias is not null) value += userBias[user];
        if (movieBias is not null) value += movieBias[movie];
        var u = userFactors.AsSpan(user * rank, rank);
        var v = movieFactors.AsSpan(movie * rank, rank);
        for (int k = 0; k < rank; k++) value += u[k] * v[k];
        return value;
    }
}
