using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets.MovieLens;
using Toolkit.Recommender.Comparison;
using Toolkit.Recommender.Models;
using Toolkit.Recommender.Ratings;
using Toolkit.Recommender.Splits;

namespace Toolkit.Cli.Commands;

public sealed class MovieLensRecommendCommand : Command<MovieLensRecommendCommand.Settings>
{
    public sealed class Settings : MovieLensSettings
    {
        [CommandOption("--user <ID>")]
        [Description("User id as in u.data (1-943).")]
        public int User { get; init; }

        [CommandOption("--top <N>")]
        [Description("How many movies. Default 10.")]
        public int Top { get; init; } = 10;

        [CommandOption("--model <NAME>")]
        [Description("als (default), svd, bias, movie-mean, global-mean, or a library model (mlnet-sdca, torch-mf).")]
        public string Model { get; init; } = "als";

        [CommandOption("--rank <D>")]
        [Description("Rank d of svd, als and ranked library models. Default 5.")]
        public int Rank { get; init; } = 5;

        [CommandOption("--split <NAME>")]
        [Description("Ratings to fit on: all (default: every rating of u.data), reference, u1..u5, ua, ub or random (its training part).")]
        public string Split { get; init; } = SplitSpec.All;

        public override string SplitName => Split;

        public override ValidationResult Validate() =>
            OptionRules.Check(
                OptionRules.Range("--user", User, 1, MovieLensReader.MaxUsers),
                OptionRules.Range("--top", Top, 1, MovieLensReader.MaxMovies),
                OptionRules.Range("--rank", Rank, 1, MaxRank)) ?? base.Validate();
    }

    public sealed record Recommendation(int Position, int MovieId, string Title, double PredictedRating);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.User is < 1 or > MovieLensReader.MaxUsers)
            throw new ArgumentException($"--user must be a user id from 1 to {MovieLensReader.MaxUsers}, not {settings.User}");
        if (settings.Top < 1) throw new ArgumentException("--top must be at least 1");
        var trainers = ComparisonRunner.HandWrittenTrainers(settings.AlsOptions).Concat(LibraryTrainers.All()).ToList();
        var trainer = trainers.FirstOrDefault(t => t.Name == settings.Model)
            ?? throw new ArgumentException($"unknown model '{settings.Model}'; known: {string.Join(", ", trainers.Select(t => t.Name))}");

        var progress = new StderrProgress();
        var split = settings.ReadSplit();
        var movies = MovieLensReader.ReadAllMovies(settings.MovieLensFolder);
        var train = new RatingMatrix(split.Train);
        progress.Report($"fitting {trainer.Name} on {split.Train.Count:N0} ratings ({split.Name})");
        var model = trainer.Fit(train, new FitContext(settings.Rank, settings.Seed, progress));

        int user = settings.User - 1;
        var list = Agreement.TopUnseen(model, train, user, settings.Top)
            .Select((t, i) => new Recommendation(i + 1, t.Movie + 1, movies[t.Movie].Title, t.Predicted))
            .ToList();
        if (settings.Json)
        {
            Json.Print(new
            {
                user = settings.User, model = trainer.Name, rank = trainer.UsesRank ? settings.Rank : (int?)null,
                split = split.Name, ratedInTraining = train.UserRatingCount(user), details = model.Details, recommendations = list,
            });
            return 0;
        }
        string rankText = trainer.UsesRank ? $" d={settings.Rank}" : "";
        var table = new Table()
            .Title($"Top {settings.Top} unseen movies for user {settings.User} ({Markup.Escape(trainer.Name)}{rankText}, fitted on {Markup.Escape(split.Name)})")
            .AddColumns("#", "movie", "title")
            .AddColumn(new TableColumn("predicted").RightAligned());
        foreach (var item in list)
            table.AddRow(item.Position.ToString(), item.MovieId.ToString(), Markup.Escape(item.Title),
                item.PredictedRating.ToString("F3", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }
}
