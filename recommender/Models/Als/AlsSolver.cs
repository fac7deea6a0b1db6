using System.Diagnostics;
using System.Globalization;
using Toolkit.Recommender.Models.Svd;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Als;

/// <summary>The outcome of one ALS fit: the model, the objective before the first and after every sweep, and the time.</summary>
public sealed record AlsResult(FactorModel Model, IReadOnlyList<double> Objective, int Iterations, bool Converged, TimeSpan Elapsed);

/// <summary>
/// Alternating least squares on the observed entries only. Each sweep solves, for every user in parallel,
/// the (d [+1]) × (d [+1]) normal equations (V_Ωᵀ V_Ω + λI) u = V_Ωᵀ r by Cholesky, then does the same for every
/// movie. Every solve minimises the objective exactly over its row, so the objective never increases.
/// </summary>
public sealed class AlsSolver
{
    private readonly RatingMatrix _train;
    private readonly int _rank;
    private readonly AlsOptions _options;
    private readonly int _size;
    private readonly double _mean;
    private readonly double[] _users;
    private readonly double[] _movies;
    private readonly double[]? _userBias;
    private readonly double[]? _movieBias;
    private readonly ParallelOptions _parallel;

    private AlsSolver(RatingMatrix train, int rank, AlsOptions options)
    {
        if (rank < 1) throw new ArgumentOutOfRangeException(nameof(rank), $"rank must be at least 1, not {rank}");
        if (options.Lambda <= 0 || options.EffectiveBiasLambda <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "λ must be positive");
        _train = train;
        _rank = rank;
        _options = options;
        _size = rank + (options.Biases ? 1 : 0);
        _mean = options.Biases ? train.GlobalMean : 0;
        _users = new double[train.UserCount * rank];
        _movies = new double[train.MovieCount * rank];
        if (options.Biases)
        {
            _userBias = new double[train.UserCount];
            _movieBias = new double[train.MovieCount];
        }
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };
    }

    public static AlsResult Fit(RatingMatrix train, int rank, AlsOptions options, uint seed = 1, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var solver = new AlsSolver(train, rank, options);
        solver.Initialise(seed);
        var objective = new List<double> { solver.Objective() };
        bool converged = false;
        int iteration = 0;
        while (iteration < options.MaxIterations && !converged)
        {
            iteration++;
            solver.Sweep();
            double current = solver.Objective();
            double previous = objective[^1];
            objective.Add(current);
            converged = Math.Abs(previous - current) <= options.Tolerance * Math.Abs(previous);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"ALS d={rank} λ={options.Lambda}: sweep {iteration}, objective {current:F2}"));
        }
        clock.Stop();
        var details = new Dictionary<string, string>
        {
            ["lambda"] = options.Lambda.ToString(CultureInfo.InvariantCulture),
            ["biases"] = options.Biases ? $"yes, λ {options.EffectiveBiasLambda.ToString(CultureInfo.InvariantCulture)}" : "no",
            ["initialisation"] = options.Initialisation.ToString().ToLowerInvariant(),
            ["iterations"] = iteration.ToString(CultureInfo.InvariantCulture),
            ["converged"] = converged ? "yes" : "no",
            ["objective"] = objective[^1].ToString("F3", CultureInfo.InvariantCulture),
        };
        var model = new FactorModel(rank, solver._users, solver._movies, solver._mean, solver._userBias, solver._movieBias, details);
        return new AlsResult(model, objective, iteration, converged, clock.Elapsed);
    }

    private void Initialise(uint seed)
    {
        if (_options.Initialisation == AlsInitialisation.Svd)
        {
            // U = U_d √S, V = V_d √S: the rank-d truncation split evenly between the two sides.
            var (users, movies) = ZeroFilledSvd.Of(_train, _rank).Factors(_rank, leftPower: 0.5);
            users.CopyTo(_users, 0);
            movies.CopyTo(_movies, 0);
            return;
        }
        var random = new Random((int)seed);
        FillGaussian(_users, random, _options.RandomScale);
        FillGaussian(_movies, random, _options.RandomScale);
    }

    private static void FillGaussian(double[] values, Random random, double scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double u1 = 1 - random.NextDouble();
            double u2 = random.NextDouble();
            values[i] = scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }

    /// <summary>One sweep: every user given the movies, then every movie given the users.</summary>
    private void Sweep()
    {
        SolveSide(_train.UserCount, _train.UserStart, _train.UserMovies, _train.UserValues, _movies, _movieBias, _users, _userBias);
        SolveSide(_train.MovieCount, _train.MovieStart, _train.MovieUsers, _train.MovieValues, _users, _userBias, _movies, _movieBias);
    }

    private void SolveSide(int rows, int[] start, int[] index, double[] values,
        double[] fixedFactors, double[]? fixedBias, double[] factors, double[]? bias)
    {
        int rank = _rank, size = _size;
        double lambda = _options.Lambda, biasLambda = _options.EffectiveBiasLambda, mean = _mean;
        int longest = 0;
        for (int row = 0; row < rows; row++) longest = Math.Max(longest, start[row + 1] - start[row]);
        Parallel.For(0, rows, _parallel, () => new Workspace(size, longest), (row, _, work) =>
        {
            int first = start[row], count = start[row + 1] - first;
            var a = work.Matrix.AsSpan();
            var b = work.Vector.AsSpan();
            // Gather the fixed side's rows column by column, targets as one more column:
            // columns[i * count + e] is feature i of entry e; column `size` holds the targets.
            var columns = work.Columns.AsSpan(0, (size + 1) * count);
            var targets = columns.Slice(size * count, count);
            for (int e = 0; e < count; e++)
            {
                int other = index[first + e];
                var source = fixedFactors.AsSpan(other * rank, rank);
                for (int i = 0; i < rank; i++) columns[i * count + e] = source[i];
                targets[e] = values[first + e];
                if (fixedBias is not null)
                {
                    columns[rank * count + e] = 1;
                    targets[e] -= mean + fixedBias[other];
                }
            }
            var gram = work.Gram.AsSpan();
            GramKernel.LowerTriangle(columns, count, size + 1, gram);
            for (int i = 0; i < size; i++)
            {
                gram.Slice(i * (size + 1), i + 1).CopyTo(a.Slice(i * size, i + 1));
                b[i] = gram[size * (size + 1) + i];
            }
            for (int i = 0; i < rank; i++) a[i * size + i] += lambda;
            if (bias is not null) a[rank * size + rank] += biasLambda;
            if (!Cholesky.Solve(a, b, size))
                throw new InvalidOperationException($"ALS normal equations of row {row} are not positive definite");
            b[..rank].CopyTo(factors.AsSpan(row * rank, rank));
            if (bias is not null) bias[row] = b[rank];
            return work;
        }, _ => { });
    }

    /// <summary>Σ_observed (r̂ − r)² + λ(‖U‖² + ‖V‖²) + λ_b(‖b_u‖² + ‖b_m‖²), summed in a fixed order.</summary>
    public double Objective()
    {
        var perUser = new double[_train.UserCount];
        Parallel.For(0, _train.UserCount, _parallel, u =>
        {
            var model = new FactorModel(_rank, _users, _movies, _mean, _userBias, _movieBias);
            double sum = 0;
            for (int e = _train.UserStart[u]; e < _train.UserStart[u + 1]; e++)
            {
                double error = model.Predict(u, _train.UserMovies[e]) - _train.UserValues[e];
                sum += error * error;
            }
            perUser[u] = sum;
        });
        double total = 0;
        foreach (double value in perUser) total += value;
        total += _options.Lambda * (SquaredNorm(_users) + SquaredNorm(_movies));
        if (_userBias is not null && _movieBias is not null)
            total += _options.EffectiveBiasLambda * (SquaredNorm(_userBias) + SquaredNorm(_movieBias));
        return total;
    }

    private static double SquaredNorm(double[] values)
    {
        double sum = 0;
        foreach (double value in values) sum += value * value;
        return sum;
    }

    private sealed class Workspace(int size, int longestRow)
    {
        public readonly double[] Matrix = new double[size * size];
        public readonly double[] Vector = new double[size];
        public readonly double[] Columns = new double[(size + 1) * Math.Max(1, longestRow)];
        public readonly double[] Gram = new double[(size + 1) * (size + 1)];
    }
}
