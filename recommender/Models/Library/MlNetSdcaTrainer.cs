using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Library;

/// <summary>
/// ML.NET's bias model: the user and movie ids as key columns, one-hot encoded (KeyToVector) and
/// concatenated, fitted by SDCA linear regression, so r̂ = w₀ + w_user + w_movie. Predictions use the
/// learned weights directly; <see cref="MlNetSdcaModel.EvaluateWithLibrary"/> scores through the ML.NET
/// pipeline and <c>Regression.Evaluate</c>.
/// </summary>
public sealed class MlNetSdcaTrainer : ILibraryTrainer
{
    public string Name => "mlnet-sdca";
    public bool UsesRank => false;

    public IRatingModel Fit(RatingMatrix train, FitContext context)
    {
        var ml = new MLContext(seed: (int)context.Seed);
        var data = MlNetRows.Load(ml, train.Ratings, train.UserCount, train.MovieCount);
        var pipeline = ml.Transforms.Conversion.MapKeyToVector(
                [new InputOutputColumnPair("UserVector", nameof(MlNetRows.Row.User)),
                 new InputOutputColumnPair("MovieVector", nameof(MlNetRows.Row.Movie))])
            .Append(ml.Transforms.Concatenate("Features", "UserVector", "MovieVector"))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(MlNetRows.Row.Label), featureColumnName: "Features"));
        var fitted = pipeline.Fit(data);
        var linear = fitted.LastTransformer.Model;
        var weights = linear.Weights.ToArray();
        var userWeights = weights.Take(train.UserCount).Select(w => (double)w).ToArray();
        var movieWeights = weights.Skip(train.UserCount).Take(train.MovieCount).Select(w => (double)w).ToArray();
        return new MlNetSdcaModel(ml, fitted, linear.Bias, userWeights, movieWeights, train.UserCount, train.MovieCount);
    }
}

/// <summary>The fitted ML.NET pipeline and the weights read out of it.</summary>
public sealed class MlNetSdcaModel(
    MLContext ml, ITransformer pipeline, double bias, double[] userWeights, double[] movieWeights, int userCount, int movieCount)
    : ILibraryEvaluatedModel
{
    public IReadOnlyDictionary<string, string> Details => new Dictionary<string, string>
    {
        ["features"] = "one-hot user key ⊕ one-hot movie key",
        ["trainer"] = "Microsoft.ML SDCA regression",
        ["bias"] = bias.ToString("F4", CultureInfo.InvariantCulture),
    };

    public double Predict(int user, int movie) => bias + userWeights[user] + movieWeights[movie];

    /// <summary>Scores <paramref name="ratings"/> through the ML.NET pipeline; MSE and RMSE from <c>Regression.Evaluate</c>.</summary>
    public (double Mse, double Rmse) EvaluateWithLibrary(IReadOnlyList<Rating> ratings)
    {
        var scored = pipeline.Transform(MlNetRows.Load(ml, ratings, userCount, movieCount));
        var metrics = ml.Regression.Evaluate(scored, labelColumnName: nameof(MlNetRows.Row.Label));
        return (metrics.MeanSquaredError, metrics.RootMeanSquaredError);
    }

    /// <summary>The scores ML.NET's own pipeline gives the ratings (to check the read-out weights against).</summary>
    public float[] ScoreWithLibrary(IReadOnlyList<Rating> ratings)
    {
        var scored = pipeline.Transform(MlNetRows.Load(ml, ratings, userCount, movieCount));
        return scored.GetColumn<float>("Score").ToArray();
    }
}

/// <summary>
/// Ratings as an ML.NET data view: user and movie as key columns of 943 and 1,682 values. Through
/// <c>LoadFromEnumerable</c> with a key column type the values are given zero-based, and KeyToVector then puts
/// id i in slot i (checked by a test against the pipeline's own scores).
/// </summary>
public static class MlNetRows
{
    public sealed class Row
    {
        public uint User { get; set; }
        public uint Movie { get; set; }
        public float Label { get; set; }
    }

    public static IDataView Load(MLContext ml, IReadOnlyList<Rating> ratings, int userCount, int movieCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.User)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)userCount);
        schema[nameof(Row.Movie)].ColumnType = new KeyDataViewType(typeof(uint), (ulong)movieCount);
        var rows = ratings.Select(r => new Row { User = (uint)r.User, Movie = (uint)r.Movie, Label = r.Value });
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
