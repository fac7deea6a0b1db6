using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class MovieLensCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddBranch("movielens", movielens =>
        {
            movielens.SetDescription("MovieLens 100K: baselines, truncated SVD, hand-written ALS and library models.");
            movielens.AddCommand<MovieLensCompareCommand>("compare")
                .WithDescription("Fit every model at every rank on one split; report MSE, fit times, plots and ALS-versus-library agreement.")
                .WithExample("movielens", "compare", "--split", "reference", "--ranks", "1,2,5,10,20,50", "--out", "runs/movielens");
            movielens.AddCommand<MovieLensRecommendCommand>("recommend")
                .WithDescription("A user's top unseen movies with titles and predicted ratings.")
                .WithExample("movielens", "recommend", "--user", "42", "--top", "10", "--model", "als");
        });
    }
}
