using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Models.Svd;
using Toolkit.Recommender.Ratings;
using Xunit;
using Rating = Toolkit.Datasets.MovieLens.Rating;

namespace Toolkit.Tests.Recommender;

public sealed class LinearAlgebraTests
{
    [Fact]
    public void CholeskySolvesASymmetricPositiveDefiniteSystem()
    {
        // A = [[4,2,2],[2,5,3],[2,3,6]], x = (1, -2, 3) gives b = A x = (6, 1, 14).
        double[] a = [4, 2, 2, 2, 5, 3, 2, 3, 6];
        double[] b = [6, 1, 14];
        Assert.True(Cholesky.Solve(a, b, 3));
        Assert.Equal(1, b[0], 12);
        Assert.Equal(-2, b[1], 12);
        Assert.Equal(3, b[2], 12);
    }

    [Fact]
    public void CholeskyRefusesAnIndefiniteMatrix()
    {
        double[] a = [1, 2, 2, 1];
        double[] b = [1, 1];
        Assert.False(Cholesky.Solve(a, b, 2));
    }

    // [[3, 2, 2], [2, 3, -2]] has singular values 5 and 3; u1 = (1, 1)/√2, v1 = (1, 1, 0)/√2.
    private static readonly Rating[] Known =
    [
        new(0, 0, 3, 0), new(0, 1, 2, 0), new(0, 2, 2, 0),
        new(1, 0, 2, 0), new(1, 1, 3, 0), new(1, 2, -2, 0),
    ];

    [Fact]
    public void SvdOfAKnownMatrixHasItsSingularValuesAndReconstructions()
    {
        var matrix = new RatingMatrix(Known, 2, 3);
        var svd = ZeroFilledSvd.Of(matrix, 2);
        Assert.Equal(5, svd.Singular[0], 10);
        Assert.Equal(3, svd.Singular[1], 10);

        var rank1 = new TruncatedSvdTrainer().Fit(matrix, new FitContext(1));
        var rank2 = new TruncatedSvdTrainer().Fit(matrix, new FitContext(2));
        double[,] expected1 = { { 2.5, 2.5, 0 }, { 2.5, 2.5, 0 } };
        foreach (var r in Known)
        {
            Assert.Equal(expected1[r.User, r.Movie], rank1.Predict(r.User, r.Movie), 10);
            Assert.Equal(r.Value, rank2.Predict(r.User, r.Movie), 10);
        }
    }

    [Fact]
    public void SvdOfATallMatrixWorksOnTheOtherSide()
    {
        var transposed = Known.Select(r => new Rating(r.Movie, r.User, r.Value, 0)).ToList();
        var matrix = new RatingMatrix(transposed, 3, 2);
        var svd = ZeroFilledSvd.Of(matrix, 2);
        Assert.Equal([5, 3], svd.Singular.Select(s => Math.Round(s, 10)));
        var rank2 = new TruncatedSvdTrainer().Fit(matrix, new FitContext(2));
        foreach (var r in transposed) Assert.Equal(r.Value, rank2.Predict(r.User, r.Movie), 10);
    }

    [Fact]
    public void LanczosFindsTheLargestEigenvaluesThatFullJacobiFinds()
    {
        var matrix = SyntheticRatings.Matrix(40, 70, 0.3, seed: 13);
        var svd = ZeroFilledSvd.Of(matrix, 6);

        var gram = new double[40 * 40];
        foreach (var a in matrix.Ratings)
            foreach (var b in matrix.Ratings.Where(r => r.Movie == a.Movie))
                gram[a.User * 40 + b.User] += a.Value * b.Value;
        var (values, _) = JacobiEigen.Decompose(gram, 40);
        for (int k = 0; k < 6; k++) Assert.Equal(Math.Sqrt(values[k]), svd.Singular[k], 8);
    }
}
