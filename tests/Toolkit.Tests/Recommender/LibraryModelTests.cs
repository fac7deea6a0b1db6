using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Library;
using Xunit;

namespace Toolkit.Tests.Recommender;

[Collection(SerialTorchCollection.Name)]
public sealed class LibraryModelTests
{
    [Fact]
    public void FindsTheLibraryBackendsByReflection()
    {
        var names = LibraryTrainers.All().Select(t => t.Name).ToList();
        Assert.Contains("mlnet-sdca", names);
        Assert.Contains("torch-mf", names);
        Assert.All(LibraryTrainers.All(), t => Assert.Equal(TrainerKind.Library, t.Kind));
    }

    [Fact]
    public void SdcaWeightsReadOutGiveTheScoresOfTheMlNetPipeline()
    {
        var ratings = SyntheticRatings.List(30, 40, 0.3, seed: 7);
        var matrix = new Toolkit.Recommender.Ratings.RatingMatrix(ratings, 30, 40);
        var model = (MlNetSdcaModel)new MlNetSdcaTrainer().Fit(matrix, new FitContext(0, 1));

        float[] scores = model.ScoreWithLibrary(ratings);
        for (int i = 0; i < ratings.Count; i++)
            Assert.Equal(scores[i], model.Predict(ratings[i].User, ratings[i].Movie), 3);
        var (mse, _) = model.EvaluateWithLibrary(ratings);
        Assert.Equal(ErrorMetrics.Of(model, ratings).Mse, mse, 4);
    }

    [Fact]
    public void TorchFactorizationIsReproducibleForASeedAndBeatsTheGlobalMeanOnItsTrainingData()
    {
        var matrix = SyntheticRatings.Matrix(30, 40, 0.3, seed: 8);
        var trainer = new TorchMfTrainer { Steps = 60 };
        var first = trainer.Fit(matrix, new FitContext(3, 5));
        var second = trainer.Fit(matrix, new FitContext(3, 5));
        Assert.All(matrix.Ratings, r => Assert.Equal(first.Predict(r.User, r.Movie), second.Predict(r.User, r.Movie)));
        var globalMean = new Toolkit.Recommender.Models.Baselines.GlobalMeanTrainer().Fit(matrix, new FitContext(0));
        Assert.True(ErrorMetrics.Of(first, matrix.Ratings).Mse < ErrorMetrics.Of(globalMean, matrix.Ratings).Mse);
    }
}
