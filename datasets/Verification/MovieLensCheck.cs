using Toolkit.Datasets.MovieLens;

namespace Toolkit.Datasets.Verification;

public sealed class MovieLensCheck : IDatasetCheck
{
    public string Name => "movielens";
    public string FolderName => MovieLensData.FolderName;

    public DatasetReport Check(string folder)
    {
        var data = MovieLensReader.Read(folder);
        var splits = new Dictionary<string, int> { ["ratings"] = data.Ratings.Count, ["items"] = data.Movies.Count };
        foreach (string fold in MovieLensData.Folds)
        {
            var (train, test) = MovieLensReader.ReadFold(folder, fold);
            CheckFoldCoversRatings(folder, fold, train.Count + test.Count, data.Ratings.Count);
            splits[$"{fold}.base"] = train.Count;
            splits[$"{fold}.test"] = test.Count;
        }
        var perStar = new int[5];
        foreach (var rating in data.Ratings) perStar[(int)rating.Value - 1]++;
        return new DatasetReport(Name, folder, true, null, splits,
            new Dictionary<string, IReadOnlyDictionary<string, int>>
            {
                ["ratings"] = DatasetCheck.Named(["1", "2", "3", "4", "5"], perStar),
            },
            new Dictionary<string, string>
            {
                ["users"] = data.Ratings.Select(r => r.User).Distinct().Count().ToString(),
                ["movies"] = data.Ratings.Select(r => r.Movie).Distinct().Count().ToString(),
            });
    }

    // Every shipped fold splits all ratings between its .base and .test files, so a cut fold file shows here.
    private static void CheckFoldCoversRatings(string folder, string fold, int foldCount, int ratingCount)
    {
        if (foldCount != ratingCount)
            throw new DataFormatException(Path.Combine(folder, fold + ".base") + ", " + fold + ".test", "end of file",
                $"the fold holds {foldCount} ratings but u.data holds {ratingCount} (truncated?)");
    }
}
