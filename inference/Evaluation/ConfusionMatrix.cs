namespace Toolkit.Inference.Evaluation;

/// <summary>Counts of (true class, predicted class) pairs, with the metrics read off them.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    public ConfusionMatrix(int classes) => _counts = new int[classes, classes];

    public int Classes => _counts.GetLength(0);
    public int Total { get; private set; }

    public int this[int actual, int predicted] => _counts[actual, predicted];

    public void Add(int actual, int predicted)
    {
        _counts[actual, predicted]++;
        Total++;
    }

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes).Sum(c => _counts[c, c]) / (double)Total;

    /// <summary>Of the examples predicted as this class, the share that are; 0 when none was predicted.</summary>
    public double Precision(int c)
    {
        int predicted = Enumerable.Range(0, Classes).Sum(a => _counts[a, c]);
        return predicted == 0 ? 0 : _counts[c, c] / (double)predicted;
    }

    /// <summary>Of the examples of this class, the share predicted as it; 0 when the class has none.</summary>
    public double Recall(int c)
    {
        int actual = Enumerable.Range(0, Classes).Sum(p => _counts[c, p]);
        return actual == 0 ? 0 : _counts[c, c] / (double)actual;
    }

    public int[][] ToRows() =>
        Enumerable.Range(0, Classes).Select(a => Enumerable.Range(0, Classes).Select(p => _counts[a, p]).ToArray()).ToArray();
}
