namespace Toolkit.Datasets.Text;

/// <summary>
/// Word counts per document as a sparse matrix (compressed rows): row d holds the vocabulary indices
/// <c>Columns[RowStart[d] .. RowStart[d+1])</c> and their counts. Dense rows are made only for a batch at a time.
/// </summary>
public sealed class BagOfWords
{
    public BagOfWords(int vocabularySize, int[] rowStart, int[] columns, float[] counts)
    {
        if (rowStart.Length == 0 || rowStart[0] != 0 || rowStart[^1] != columns.Length || columns.Length != counts.Length)
            throw new ArgumentException("inconsistent sparse rows");
        VocabularySize = vocabularySize;
        RowStart = rowStart;
        Columns = columns;
        Counts = counts;
    }

    public int VocabularySize { get; }
    public int[] RowStart { get; }
    public int[] Columns { get; }
    public float[] Counts { get; }
    public int Rows => RowStart.Length - 1;
    public int NonZeros => Columns.Length;

    /// <summary>Counts the known words of each document; unknown words are skipped. Rows may be empty.</summary>
    public static BagOfWords Build(IReadOnlyList<IReadOnlyList<string>> documents, Vocabulary vocabulary)
    {
        var rowStart = new int[documents.Count + 1];
        var columns = new List<int>();
        var counts = new List<float>();
        var row = new SortedDictionary<int, int>();
        for (int d = 0; d < documents.Count; d++)
        {
            row.Clear();
            foreach (string token in documents[d])
            {
                int i = vocabulary.IndexOf(token);
                if (i >= 0) row[i] = row.GetValueOrDefault(i) + 1;
            }
            foreach (var (column, count) in row)
            {
                columns.Add(column);
                counts.Add(count);
            }
            rowStart[d + 1] = columns.Count;
        }
        return new BagOfWords(vocabulary.Count, rowStart, columns.ToArray(), counts.ToArray());
    }

    /// <summary>Writes the dense rows of the given documents, one after another, into <paramref name="dense"/>.</summary>
    public void FillDense(ReadOnlySpan<int> documents, Span<float> dense)
    {
        if (dense.Length < documents.Length * VocabularySize) throw new ArgumentException("dense buffer too small");
        dense[..(documents.Length * VocabularySize)].Clear();
        for (int r = 0; r < documents.Length; r++)
        {
            int d = documents[r];
            for (int k = RowStart[d]; k < RowStart[d + 1]; k++) dense[r * VocabularySize + Columns[k]] = Counts[k];
        }
    }

    public float[] DenseRow(int document)
    {
        var row = new float[VocabularySize];
        FillDense([document], row);
        return row;
    }

    /// <summary>The documents (row indices) that hold at least one word.</summary>
    public int[] NonEmptyRows() => Enumerable.Range(0, Rows).Where(d => RowStart[d + 1] > RowStart[d]).ToArray();
}
