namespace Toolkit.Recommender.Models.Svd;

/// <summary>
/// The largest eigenpairs of a dense symmetric positive semi-definite matrix by Lanczos iteration with full
/// reorthogonalisation: the Krylov basis Q and tridiagonal T = QᵀGQ are built, T is diagonalised by Jacobi,
/// and the Ritz vectors Q y are returned. The basis grows until the wanted pairs' residuals are small.
/// </summary>
public static class LanczosEigen
{
    public static (double[] Values, double[] Vectors) Largest(double[] gram, int n, int count, double tolerance = 1e-10)
    {
        if (count < 1 || count > n) throw new ArgumentOutOfRangeException(nameof(count), $"count must lie in 1-{n}, not {count}");
        int steps = Math.Min(n, 2 * count + 60);
        while (true)
        {
            var (values, vectors, residuals) = Run(gram, n, count, steps);
            double largest = Math.Max(Math.Abs(values[0]), double.Epsilon);
            if (steps == n || residuals.All(r => r <= tolerance * largest)) return (values, vectors);
            steps = Math.Min(n, steps + steps / 2);
        }
    }

    private static (double[] Values, double[] Vectors, double[] Residuals) Run(double[] gram, int n, int count, int steps)
    {
        var basis = new double[steps * n]; // row j is the j-th Lanczos vector
        var alpha = new double[steps];
        var beta = new double[steps]; // beta[j] couples vectors j and j + 1
        var random = new Random(20240611);
        var w = new double[n];
        StartVector(basis.AsSpan(0, n), basis, 0, random);
        double norm = FrobeniusNorm(gram);
        for (int j = 0; j < steps; j++)
        {
            var q = basis.AsSpan(j * n, n);
            Multiply(gram, n, q, w);
            alpha[j] = Dot(q, w);
            Orthogonalise(w, basis, j + 1, n);
            double b = Math.Sqrt(Dot(w, w));
            beta[j] = b;
            if (j + 1 == steps) break;
            var next = basis.AsSpan((j + 1) * n, n);
            if (b > 1e-12 * Math.Max(norm, double.Epsilon))
            {
                for (int k = 0; k < n; k++) next[k] = w[k] / b;
            }
            else
            {
                beta[j] = 0; // invariant subspace found: continue with a fresh direction
                StartVector(next, basis, j + 1, random);
            }
        }
        var tridiagonal = new double[steps * steps];
        for (int j = 0; j < steps; j++)
        {
            tridiagonal[j * steps + j] = alpha[j];
            if (j + 1 < steps) tridiagonal[j * steps + j + 1] = tridiagonal[(j + 1) * steps + j] = beta[j];
        }
        var (ritzValues, ritzVectors) = JacobiEigen.Decompose(tridiagonal, steps);
        var values = ritzValues.Take(count).ToArray();
        var vectors = new double[n * count]; // row-major n × count
        var residuals = new double[count];
        for (int c = 0; c < count; c++)
        {
            for (int j = 0; j < steps; j++)
            {
                double y = ritzVectors[j * steps + c];
                if (y == 0) continue;
                var q = basis.AsSpan(j * n, n);
                for (int k = 0; k < n; k++) vectors[k * count + c] += y * q[k];
            }
            residuals[c] = Math.Abs(beta[steps - 1] * ritzVectors[(steps - 1) * steps + c]);
        }
        return (values, vectors, residuals);
    }

    /// <summary>A random unit vector orthogonal to the first <paramref name="existing"/> rows of <paramref name="basis"/>.</summary>
    private static void StartVector(Span<double> target, double[] basis, int existing, Random random)
    {
        int n = target.Length;
        for (int attempt = 0; attempt < 10; attempt++)
        {
            for (int k = 0; k < n; k++) target[k] = random.NextDouble() - 0.5;
            Orthogonalise(target, basis, existing, n);
            double length = Math.Sqrt(Dot(target, target));
            if (length > 1e-8)
            {
                for (int k = 0; k < n; k++) target[k] /= length;
                return;
            }
        }
        target.Clear(); // the basis already spans everything
    }

    /// <summary>Removes from <paramref name="vector"/> its components along the first <paramref name="count"/> basis rows; twice, for stability.</summary>
    private static void Orthogonalise(Span<double> vector, double[] basis, int count, int n)
    {
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < count; i++)
            {
                var row = basis.AsSpan(i * n, n);
                double projection = Dot(row, vector);
                for (int k = 0; k < n; k++) vector[k] -= projection * row[k];
            }
    }

    private static void Multiply(double[] matrix, int n, ReadOnlySpan<double> x, double[] result)
    {
        for (int row = 0; row < n; row++) result[row] = Dot(matrix.AsSpan(row * n, n), x);
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => System.Numerics.Tensors.TensorPrimitives.Dot(x, y);

    private static double FrobeniusNorm(double[] matrix) => Math.Sqrt(Dot(matrix, matrix));
}
