using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models;

public enum TrainerKind { Baseline, HandWritten, Library }

/// <summary>What every fit is told: the rank d (for models that have one), the seed, and where to report progress.</summary>
public sealed record FitContext(int Rank, uint Seed = 1, IProgress<string>? Progress = null);

/// <summary>Fits a <see cref="IRatingModel"/> to the observed training ratings.</summary>
public interface IRatingTrainer
{
    /// <summary>Short name used on the command line and in reports, e.g. <c>als</c> or <c>mlnet-sdca</c>.</summary>
    string Name { get; }

    TrainerKind Kind { get; }

    /// <summary>Whether the model has a rank d, so that the comparison fits it once per rank.</summary>
    bool UsesRank { get; }

    IRatingModel Fit(RatingMatrix train, FitContext context);
}

/// <summary>
/// A library backend for the comparison. Every public class in this assembly that implements it and has a
/// public parameterless constructor is found by <see cref="LibraryTrainers.All"/>, so adding a backend is
/// adding one class.
/// </summary>
public interface ILibraryTrainer : IRatingTrainer
{
    TrainerKind IRatingTrainer.Kind => TrainerKind.Library;
}
