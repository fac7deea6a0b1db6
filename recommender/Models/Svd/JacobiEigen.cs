namespace Toolkit.Recommender.Models.Svd;

/// <summary>Eigenvalues and eigenvectors of a small dense symmetric matrix by cyclic Jacobi rotations.</summary>
public static class JacobiEigen
{
    /// <summary>
    /// Decomposes the row-major symmetric n × n <paramref name="matrix"/> (overwritten). Returns the
    /// eigenvalues, largest first, and the eigenvectors as the columns of a row-major n × n matrix, same order.
    /// </summary>
    public static (double[] Values, double[] Vectors) Decompose(double[] matrix, int n, int maxSweeps = 100)
    {
        var a = matrix;
        var vectors = new double[n * n];
        for (int i = 0; i < n; i++) vectors[i * n + i] = 1;
        double scale = 0;
        foreach (double value in a) scale += value * value;
        for (int sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
            if (off <= 1e-30 * scale || off == 0) break;
            for (int p = 0; p < n - 1; p++)
                for (int q = p + 1; q < n; q++)
                    Rotate(a, vectors, n, p, q);
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
        int[] order = Enumerable.Range(0, n).OrderByDescending(i => values[i]).ToArray();
        var sortedValues = order.Select(i => values[i]).ToArray();
        var sortedVectors = new double[n * n];
        for (int column = 0; column < n; column++)
            for (int row = 0; row < n; row++) sortedVectors[row * n + column] = vectors[row * n + order[column]];
        return (sortedValues, sortedVectors);
    }

    /// <summary>One rotation in the (p, q) plane that zeroes a[p, q], applied to both sides of A and to the vectors.</summary>
    private static void Rotate(double[] a, double[] vectors, int n, int p, int q)
    {
        double apq = a[p * n + q];
        double app = a[p * n + p], aqq = a[q * n + q];
        if (Math.Abs(apq) <= 1e-18 * Math.Sqrt(Math.Abs(app * aqq)))
        {
            a[p * n + q] = a[q * n + p] = 0; // below rounding of the diagonal: nothing left to rotate
            return;
        }
        double theta = (aqq - app) / (2 * apq);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k * n + p], akq = a[k * n + q];
            a[k * n + p] = c * akp - s * akq;
            a[k * n + q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p * n + k], aqk = a[q * n + k];
            a[p * n + k] = c * apk - s * aqk;
            a[q * n + k] = s * apk + c * aqk;
        }
        a[p * n + q] = a[q * n + p] = 0;
        for (int k = 0; k < n; k++)
        {
            double vkp = vectors[k * n + p], vkq = vectors[k * n + q];
            vectors[k * n + p] = c * vkp - s * vkq;
            vectors[k * n + q] = s * vkp + c * vkq;
        }
    }
}
