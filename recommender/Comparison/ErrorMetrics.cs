using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Models;

namespace Toolkit.Recommender.Comparison;

/// <summary>Mean squared error over a set of ratings, and its root.</summary>
public readonly record struct ErrorMetrics(double Mse, double Rmse)
{
    public static ErrorMetrics Of(IRatingModel model, IReadOnlyList<Rating> ratings)
    {
        if (ratings.Count == 0) return new ErrorMetrics(double.NaN, double.NaN);
        double sum = 0;
        foreach (var rating in ratings)
        {
            double error = model.Predict(rating.User, rating.Movie) - rating.Value;
            sum += error * error;
        }
        double mse = sum / ratings.Count;
        return new ErrorMetrics(mse, Math.Sqrt(mse));
    }
}
