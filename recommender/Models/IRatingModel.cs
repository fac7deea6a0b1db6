namespace Toolkit.Recommender.Models;

/// <summary>A fitted model: a predicted rating for any user and movie (zero-based ids).</summary>
public interface IRatingModel
{
    double Predict(int user, int movie);

    /// <summary>What the fit found or used (iterations, λ, ...), for reports.</summary>
    IReadOnlyDictionary<string, string> Details => new Dictionary<string, string>();
}

/// <summary>A model whose library computes its own metrics; the comparison reports them beside its own.</summary>
public interface ILibraryEvaluatedModel : IRatingModel
{
    /// <summary>Mean squared error and its root over <paramref name="ratings"/>, as the library computes them.</summary>
    (double Mse, double Rmse) EvaluateWithLibrary(IReadOnlyList<Datasets.MovieLens.Rating> ratings);
}
