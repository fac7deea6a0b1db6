using System.Text;
using Toolkit.Datasets.Newsgroups;

namespace Toolkit.Tests.Datasets.Fixtures;

/// <summary>A tiny bydate corpus: in each split, group g has g % 3 + 1 posts numbered from 1000 * (g + 1).</summary>
public static class NewsgroupsFixture
{
    /// <summary>A Latin-1 post: 0xE9 is 'é' in Latin-1 and not valid UTF-8 on its own.</summary>
    public static readonly byte[] Latin1Post = [.. Encoding.ASCII.GetBytes("From: caf"), 0xE9, .. Encoding.ASCII.GetBytes("\r\nhello\n")];

    public static IEnumerable<(string Name, byte[] Data)> Files(bool train)
    {
        string split = NewsgroupsReader.SplitFolderName(train);
        for (int g = 0; g < NewsgroupsReader.GroupNames.Count; g++)
            for (int k = 0; k < g % 3 + 1; k++)
                yield return ($"{split}/{NewsgroupsReader.GroupNames[g]}/{1000 * (g + 1) + k}",
                    g == 0 && k == 0 ? Latin1Post : Encoding.ASCII.GetBytes($"post {g}.{k}\n"));
    }

    public static int Count(int group) => group % 3 + 1;

    public static IEnumerable<(string Name, byte[] Data)> BothSplits() => Files(train: false).Concat(Files(train: true));

    public static string WriteArchive(TempFolder temp) =>
        temp.Write($"topics/{NewsgroupsReader.ArchiveName}", Bytes.TarGz(BothSplits()));

    public static string WriteExtracted(TempFolder temp)
    {
        foreach (var (name, data) in BothSplits()) temp.Write($"topics/{name}", data);
        return Path.Combine(temp.Path, "topics");
    }
}
