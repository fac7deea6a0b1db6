using Toolkit.Datasets.MovieLens;
using Toolkit.Pipelines.MovieLens;
using Toolkit.Recommender.Splits;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit movielens recommend</c>: a user's top unseen movies with titles and predicted ratings.</summary>
public sealed class MovieLensRecommendCommand : Command<MovieLensRecommendCommand.Settings>
{
    public sealed class Settings : MovieLensSettings
    {
        [CommandOption("--user <ID>"), Description("User id as in u.data (1-943).")]
        public int User { get; init; }
        [CommandOption("--top <N>"), Description("How many movies. Default 10.")]
        public int Top { get; init; } = 10;
        [CommandOption("--model <NAME>"), Description("als (default), svd, bias, movie-mean, global-mean, or a library model (mlnet-sdca, torch-mf).")]
        public string Model { get; init; } = "als";
        [CommandOption("--rank <D>"), Description("Rank d of svd, als and ranked library models. Default 5.")]
        public int Rank { get; init; } = 5;
        [CommandOption("--split <NAME>"), Description("Ratings to fit on: all (default: every rating of u.data), reference, u1..u5, ua, ub or random (its training part).")]
        public string Split { get; init; } = SplitSpec.All;

        public override string SplitName => Split;

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--user", User, 1, MovieLensReader.MaxUsers),
                OptionRules.Range("--top", Top, 1, MovieLensReader.MaxMovies),
                OptionRules.Range("--rank", Rank, 1, MaxRank)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var list = Recommendations.Run(settings.Model, settings.Rank, settings.Seed, settings.AlsOptions, settings.ReadSplit(),
            MovieLensReader.ReadAllMovies(settings.MovieLensFolder), settings.User, settings.Top, new StderrProgress());
        if (settings.Json) Json.Print(list);
        else Tables.Print(list.Recommendations, ["#", "movie", "title", "predicted"],
            r => [r.Position.ToString(), r.MovieId.ToString(), Markup.Escape(r.Title), r.PredictedRating.ToString("F3", CultureInfo.InvariantCulture)],
            $"Top {settings.Top} unseen movies for user {settings.User} ({Markup.Escape(list.Model)}{(list.Rank is int d ? $" d={d}" : "")}, fitted on {Markup.Escape(list.Split)})");
        return 0;
    }
}
