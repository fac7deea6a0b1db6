using System.Globalization;
using System.Text;
using Toolkit.Datasets.Io;

namespace Toolkit.Datasets.Newsgroups;

/// <summary>
/// Reads the 20 Newsgroups "bydate" corpus from <c>20news-bydate.tar.gz</c> or its extracted
/// <c>20news-bydate-train/</c> and <c>20news-bydate-test/</c> folders. Each file is one post, stored as raw
/// bytes and decoded as Latin-1 (every byte maps to one character, so nothing is lost).
/// </summary>
public static class NewsgroupsReader
{
    public const string FolderName = "topics";
    public const string ArchiveName = "20news-bydate.tar.gz";

    public static readonly IReadOnlyList<string> GroupNames =
    [
        "alt.atheism", "comp.graphics", "comp.os.ms-windows.misc", "comp.sys.ibm.pc.hardware", "comp.sys.mac.hardware",
        "comp.windows.x", "misc.forsale", "rec.autos", "rec.motorcycles", "rec.sport.baseball", "rec.sport.hockey",
        "sci.crypt", "sci.electronics", "sci.med", "sci.space", "soc.religion.christian", "talk.politics.guns",
        "talk.politics.mideast", "talk.politics.misc", "talk.religion.misc",
    ];

    private static readonly Dictionary<string, int> LabelByGroup = GroupNames.Select((g, i) => (g, i)).ToDictionary();

    /// <summary>The index of a newsgroup in <see cref="GroupNames"/>.</summary>
    public static int LabelOf(string group) => LabelByGroup[group];

    public static string SplitFolderName(bool train) => train ? "20news-bydate-train" : "20news-bydate-test";

    /// <summary>The documents of the train (11,314) or test (7,532) split, ordered by group, then article number.</summary>
    public static IReadOnlyList<NewsgroupsDocument> ReadSplit(string folder, bool train)
    {
        string split = SplitFolderName(train);
        string extracted = Path.Combine(folder, split);
        string archive = Path.Combine(folder, ArchiveName);
        string source = Directory.Exists(extracted) ? extracted
            : File.Exists(archive) ? archive
            : throw new FileNotFoundException(
                $"20 Newsgroups not found in {folder}: expected {ArchiveName} or {split}/ (try 'toolkit data download 20newsgroups')");
        var documents = source == extracted ? ReadFolder(extracted) : ReadArchive(archive, split);
        CheckEveryGroupPresent(documents, source, split);
        return Sorted(documents);
    }

    private static List<NewsgroupsDocument> ReadFolder(string splitFolder)
    {
        var documents = new List<NewsgroupsDocument>();
        foreach (string path in Directory.EnumerateFiles(splitFolder, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(splitFolder, path).Replace(Path.DirectorySeparatorChar, '/');
            using var stream = File.OpenRead(path);
            documents.Add(ReadDocument(relative, stream, stream.Length, path));
        }
        return documents;
    }

    private static List<NewsgroupsDocument> ReadArchive(string archive, string split)
    {
        var documents = new List<NewsgroupsDocument>();
        string prefix = split + "/";
        TarGzArchive.ForEachFile(archive, file =>
        {
            if (file.Name.StartsWith(prefix, StringComparison.Ordinal))
                documents.Add(ReadDocument(file.Name[prefix.Length..], file.Data, file.Length, file.DisplayName));
        });
        return documents;
    }

    /// <summary>Reads one post whose path below its split folder is <c>GROUP/ARTICLE-NUMBER</c>.</summary>
    private static NewsgroupsDocument ReadDocument(string relativePath, Stream stream, long length, string name)
    {
        string[] parts = relativePath.Split('/');
        if (parts.Length != 2)
            throw new DataFormatException(name, "path", "expected GROUP/ARTICLE-NUMBER below the split folder");
        if (!LabelByGroup.ContainsKey(parts[0]))
            throw new DataFormatException(name, "path", $"'{parts[0]}' is not one of the 20 newsgroups");
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            throw new DataFormatException(name, "path", $"file name '{parts[1]}' is not an article number");

        var bytes = new byte[length];
        CheckedReader.Over(stream, name, length).ReadExactly(bytes, "the post");
        return new NewsgroupsDocument(parts[0], id, Encoding.Latin1.GetString(bytes));
    }

    private static void CheckEveryGroupPresent(IReadOnlyList<NewsgroupsDocument> documents, string source, string split)
    {
        var missing = GroupNames.Except(documents.Select(d => d.Group)).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(source, split, $"no posts for {string.Join(", ", missing)} (truncated?)");
    }

    private static List<NewsgroupsDocument> Sorted(IEnumerable<NewsgroupsDocument> documents) =>
        documents.OrderBy(d => d.Label).ThenBy(d => d.Id).ToList();

    /// <summary>Posts per newsgroup, in <see cref="GroupNames"/> order.</summary>
    public static int[] CountPerGroup(IEnumerable<NewsgroupsDocument> documents)
    {
        var counts = new int[GroupNames.Count];
        foreach (var document in documents) counts[document.Label]++;
        return counts;
    }
}
