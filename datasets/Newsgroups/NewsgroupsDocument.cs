namespace Toolkit.Datasets.Newsgroups;

/// <summary>One post: its newsgroup (the folder it sits in), its article number (the file name) and its raw text.</summary>
public sealed record NewsgroupsDocument(string Group, int Id, string Text)
{
    public int Label => NewsgroupsReader.LabelOf(Group);
}
