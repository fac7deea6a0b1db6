using Toolkit.Datasets.Text;

namespace Toolkit.Training.Topics;

/// <summary>Settings of the NMF baseline.</summary>
public sealed record NmfOptions(int Topics = 20, int Iterations = 200, int Seed = 1, bool TfIdf = true);

/// <summary>
/// Non-negative matrix factorisation X ~ W H (documents x topics times topics x words) by Lee and Seung's
/// multiplicative updates for the Frobenius norm, on the TF-IDF matrix (rows L2-normalised) or on raw counts.
/// Written by hand over the sparse rows; a topic's top words are the largest entries of its row of H.
/// </summary>
public static class Nmf
{
    private const double Epsilon = 1e-10;

    /// <returns>H as weights[topic][word].</returns>
    public static float[][] Fit(BagOfWords counts, NmfOptions options)
    {
        int n = counts.Rows, v = counts.VocabularySize, k = options.Topics;
        double[] values = options.TfIdf ? TfIdf(counts) : counts.Counts.Select(c => (double)c).ToArray();
        var random = new Random(options.Seed);
        double scale = Math.Sqrt(values.Sum() / ((double)n * v) / k);
        var w = new double[n * k];   // W, n x k
        var ht = new double[v * k];  // H transposed, v x k
        for (int i = 0; i < w.Length; i++) w[i] = random.NextDouble() * scale;
        for (int i = 0; i < ht.Length; i++) ht[i] = random.NextDouble() * scale;

        var wtx = new double[v * k];
        var xht = new double[n * k];
        var gram = new double[k * k];
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            // H <- H * (W^T X) / (W^T W H)
            Array.Clear(wtx);
            for (int d = 0; d < n; d++)
                for (int p = counts.RowStart[d]; p < counts.RowStart[d + 1]; p++)
                {
                    int j = counts.Columns[p];
                    double x = values[p];
                    for (int t = 0; t < k; t++) wtx[j * k + t] += w[d * k + t] * x;
                }
            Gram(w, n, k, gram);
            Update(ht, v, k, wtx, gram);

            // W <- W * (X H^T) / (W H H^T)
            Array.Clear(xht);
            for (int d = 0; d < n; d++)
                for (int p = counts.RowStart[d]; p < counts.RowStart[d + 1]; p++)
                {
                    int j = counts.Columns[p];
                    double x = values[p];
                    for (int t = 0; t < k; t++) xht[d * k + t] += x * ht[j * k + t];
                }
            Gram(ht, v, k, gram);
            Update(w, n, k, xht, gram);
        }

        var weights = new float[k][];
        for (int t = 0; t < k; t++)
        {
            weights[t] = new float[v];
            for (int j = 0; j < v; j++) weights[t][j] = (float)ht[j * k + t];
        }
        return weights;
    }

    /// <summary>gram = A^T A for A with <paramref name="rows"/> rows of k.</summary>
    private static void Gram(double[] a, int rows, int k, double[] gram)
    {
        Array.Clear(gram);
        for (int r = 0; r < rows; r++)
            for (int s = 0; s < k; s++)
            {
                double x = a[r * k + s];
                if (x == 0) continue;
                for (int t = 0; t < k; t++) gram[s * k + t] += x * a[r * k + t];
            }
    }

    /// <summary>a[r, t] *= numerator[r, t] / (a[r, :] . gram[:, t] + eps), row by row.</summary>
    private static void Update(double[] a, int rows, int k, double[] numerator, double[] gram)
    {
        var row = new double[k];
        for (int r = 0; r < rows; r++)
        {
            for (int t = 0; t < k; t++)
            {
                double denominator = 0;
                for (int s = 0; s < k; s++) denominator += a[r * k + s] * gram[s * k + t];
                row[t] = a[r * k + t] * numerator[r * k + t] / (denominator + Epsilon);
            }
            Array.Copy(row, 0, a, r * k, k);
        }
    }

    /// <summary>tf * idf with idf = ln((1 + N) / (1 + df)) + 1, each document's row scaled to unit length.</summary>
    private static double[] TfIdf(BagOfWords counts)
    {
        var df = new int[counts.VocabularySize];
        foreach (int j in counts.Columns) df[j]++;
        var values = new double[counts.NonZeros];
        for (int d = 0; d < counts.Rows; d++)
        {
            double norm = 0;
            for (int p = counts.RowStart[d]; p < counts.RowStart[d + 1]; p++)
            {
                values[p] = counts.Counts[p] * (Math.Log((1.0 + counts.Rows) / (1.0 + df[counts.Columns[p]])) + 1);
                norm += values[p] * values[p];
            }
            norm = Math.Sqrt(norm);
            for (int p = counts.RowStart[d]; p < counts.RowStart[d + 1]; p++) values[p] /= norm;
        }
        return values;
    }
}
