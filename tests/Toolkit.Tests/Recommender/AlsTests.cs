using Toolkit.Recommender.Models;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Ratings;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class AlsTests
{
    public static TheoryData<bool, AlsInitialisation> Variants => new()
    {
        { false, AlsInitialisation.Svd },
        { false, AlsInitialisation.Random },
        { true, AlsInitialisation.Svd },
        { true, AlsInitialisation.Random },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ObjectiveNeverIncreases(bool biases, AlsInitialisation initialisation)
    {
        var train = SyntheticRatings.Matrix(60, 80, 0.2, seed: 3);
        var options = new AlsOptions { Lambda = 1, Biases = biases, Initialisation = initialisation, MaxIterations = 60, Tolerance = 0 };
        var result = AlsSolver.Fit(train, 5, options, seed: 9);
        Assert.True(result.Objective.Count > 10);
        for (int t = 1; t < result.Objective.Count; t++)
            Assert.True(result.Objective[t] <= result.Objective[t - 1] * (1 + 1e-12),
                $"objective rose at sweep {t}: {result.Objective[t - 1]} -> {result.Objective[t]}");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ConvergedFactorsSolveEachRowsDenseNormalEquations(bool biases, AlsInitialisation initialisation)
    {
        const int users = 6, movies = 5, rank = 2;
        const double lambda = 0.5;
        var train = SyntheticRatings.Matrix(users, movies, 0.7, seed: 11);
        var options = new AlsOptions { Lambda = lambda, Biases = biases, Initialisation = initialisation, MaxIterations = 5000, Tolerance = 1e-15 };
        var model = AlsSolver.Fit(train, rank, options, seed: 2).Model;

        for (int u = 0; u < users; u++)
        {
            var (expected, expectedBias) = DenseRowSolve(train, model, rank, lambda, u, byUser: true, biases);
            Assert.Equal(expected, model.UserFactors.Skip(u * rank).Take(rank).ToArray(), Tolerance);
            if (biases) Assert.Equal(expectedBias, model.UserBias![u], 6);
        }
        for (int m = 0; m < movies; m++)
        {
            var (expected, expectedBias) = DenseRowSolve(train, model, rank, lambda, m, byUser: false, biases);
            Assert.Equal(expected, model.MovieFactors.Skip(m * rank).Take(rank).ToArray(), Tolerance);
            if (biases) Assert.Equal(expectedBias, model.MovieBias![m], 6);
        }
    }

    [Fact]
    public void ReachesTheSameFitWithOneThreadAsWithMany()
    {
        var train = SyntheticRatings.Matrix(40, 50, 0.3, seed: 5);
        var one = AlsSolver.Fit(train, 3, new AlsOptions { Threads = 1, Lambda = 2 }).Model;
        var many = AlsSolver.Fit(train, 3, new AlsOptions { Threads = 4, Lambda = 2 }).Model;
        Assert.Equal(one.UserFactors, many.UserFactors);
        Assert.Equal(one.MovieFactors, many.MovieFactors);
    }

    private static readonly IEqualityComparer<double> Tolerance = new WithinComparer(1e-6);

    /// <summary>
    /// The row's least-squares solution given the other side, from the full dense normal equations solved by
    /// Gaussian elimination: min Σ_observed (x·f_j + b − t_j)² + λ‖x‖² + λ b².
    /// </summary>
    private static (double[] Factors, double Bias) DenseRowSolve(
        RatingMatrix train, FactorModel model, int rank, double lambda, int row, bool byUser, bool biases)
    {
        int size = rank + (biases ? 1 : 0);
        var a = new double[size, size];
        var b = new double[size];
        int count = byUser ? train.MovieCount : train.UserCount;
        for (int other = 0; other < count; other++)
        {
            int user = byUser ? row : other, movie = byUser ? other : row;
            if (!train.Contains(user, movie)) continue;
            double value = train.Ratings.Single(r => r.User == user && r.Movie == movie).Value;
            var fixedFactors = byUser ? model.MovieFactors : model.UserFactors;
            var x = new double[size];
            for (int k = 0; k < rank; k++) x[k] = fixedFactors[other * rank + k];
            double target = value;
            if (biases)
            {
                x[rank] = 1;
                target -= model.Mean + (byUser ? model.MovieBias![other] : model.UserBias![other]);
            }
            for (int i = 0; i < size; i++)
            {
                b[i] += x[i] * target;
                for (int j = 0; j < size; j++) a[i, j] += x[i] * x[j];
            }
        }
        for (int i = 0; i < size; i++) a[i, i] += lambda;
        var solution = GaussianElimination(a, b);
        return (solution.Take(rank).ToArray(), biases ? solution[rank] : 0);
    }

    private static double[] GaussianElimination(double[,] a, double[] b)
    {
        int n = b.Length;
        for (int column = 0; column < n; column++)
        {
            int pivot = Enumerable.Range(column, n - column).MaxBy(r => Math.Abs(a[r, column]));
            for (int j = 0; j < n; j++) (a[column, j], a[pivot, j]) = (a[pivot, j], a[column, j]);
            (b[column], b[pivot]) = (b[pivot], b[column]);
            for (int r = column + 1; r < n; r++)
            {
                double factor = a[r, column] / a[column, column];
                for (int j = column; j < n; j++) a[r, j] -= factor * a[column, j];
                b[r] -= factor * b[column];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = b[r];
            for (int j = r + 1; j < n; j++) sum -= a[r, j] * x[j];
            x[r] = sum / a[r, r];
        }
        return x;
    }

    private sealed class WithinComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double value) => 0;
    }
}
