using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models.Als;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;
using Toolkit.Recommender.Synthetic;
using Xunit;

namespace Toolkit.Tests.Recommender;

public sealed class ConjugateGradientAlsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AsManyStepsAsUnknownsSolveTheRowExactly(bool biases)
    {
        const int rank = 6, others = 40, entries = 25;
        var random = new Random(4);
        var factors = Enumerable.Range(0, others * rank).Select(_ => random.NextDouble() - 0.5).ToArray();
        var fixedBias = biases ? Enumerable.Range(0, others).Select(_ => random.NextDouble()).ToArray() : [];
        var index = Enumerable.Range(0, others).OrderBy(_ => random.Next()).Take(entries).Order().ToArray();
        var ratings = index.Select(_ => (double)(1 + random.Next(5))).ToArray();
        var problem = new RowProblem(index, ratings, factors, fixedBias, rank, mean: biases ? 3.2 : 0, lambda: 0.7, biasLambda: 1.3);

        var exact = new double[problem.Size];
        new ExactRowUpdate(problem.Size, entries).Solve(problem, exact);
        var iterated = Enumerable.Range(0, problem.Size).Select(_ => random.NextDouble()).ToArray();
        new ConjugateGradientRowUpdate(problem.Size, steps: problem.Size + 2).Improve(problem, iterated);

        for (int i = 0; i < problem.Size; i++) Assert.Equal(exact[i], iterated[i], 1e-9);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ObjectiveNeverIncreasesWithFewSteps(bool biases)
    {
        var train = PowerLawRatings.Generate(new PowerLawRatingsOptions { Ratings = 6_000, Users = 150, Movies = 200, MinUserDegree = 5, Seed = 2 });
        var options = new AlsOptions
        {
            RowSolver = AlsRowSolver.ConjugateGradient, ConjugateGradientSteps = 1, Biases = biases, Lambda = 2, MaxIterations = 40, Tolerance = 0,
        };
        var result = AlsSolver.Fit(train, 12, options);
        for (int t = 1; t < result.Objective.Count; t++)
            Assert.True(result.Objective[t] <= result.Objective[t - 1] * (1 + 1e-12),
                $"objective rose at sweep {t}: {result.Objective[t - 1]} -> {result.Objective[t]}");
    }

    [Fact]
    public void MatchesTheExactSolverWithinOneThousandthOfTestMseOnSyntheticRatings()
    {
        var shape = PowerLawRatingsOptions.LikeMovieLens(60_000, seed: 3);
        var split = Splitter.Permuted("synthetic", PowerLawRatings.Generate(shape).Ratings, 1, 0.2);
        AssertSolversAgree(split, new RatingMatrix(split.Train, shape.Users, shape.Movies), [1, 2, 5, 10, 20, 50]);
    }

    [MovieLensDataFact]
    public void MatchesTheExactSolverWithinOneThousandthOfTestMseOnMovieLens()
    {
        var split = Splitter.Create(new SplitSpec(SplitSpec.Reference, 1, 0.2), MovieLensDataFactAttribute.Folder);
        AssertSolversAgree(split, new RatingMatrix(split.Train), [1, 2, 5, 10, 20, 50]);
    }

    private static void AssertSolversAgree(RatingSplit split, RatingMatrix train, int[] ranks)
    {
        foreach (int rank in ranks)
        {
            double exact = ErrorMetrics.Of(AlsSolver.Fit(train, rank, new AlsOptions()).Model, split.Test).Mse;
            double cg = ErrorMetrics.Of(AlsSolver.Fit(train, rank, new AlsOptions { RowSolver = AlsRowSolver.ConjugateGradient }).Model, split.Test).Mse;
            Assert.True(Math.Abs(cg - exact) <= 1e-3, $"d={rank}: test MSE {cg} with cg against {exact} exact");
        }
    }
}
