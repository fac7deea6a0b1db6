using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Toolkit.Recommender.Models.Svd;
using Toolkit.Recommender.Ratings;

namespace Toolkit.Recommender.Models.Als;

/// <summary>
/// The outcome of one ALS fit: the model, the objective before the first and after every sweep, the wall seconds of
/// each sweep's row updates (without the objective), and the whole time.
/// </summary>
public sealed record AlsResult(
    FactorModel Model, IReadOnlyList<double> Objective, int Iterations, bool Converged, TimeSpan Elapsed, IReadOnlyList<double> SweepSeconds);

/// <summary>
/// Alternating least squares on the observed entries only. Each sweep updates every user in parallel given the
/// movies, then every movie given the users: <see cref="AlsRowSolver.Exact"/> solves each row's (d [+1]) × (d [+1])
/// normal equations (V_Ωᵀ V_Ω + λI) u = V_Ωᵀ r by Cholesky, <see cref="AlsRowSolver.ConjugateGradient"/> takes a few
/// conjugate-gradient steps on them from the row's current value. Every row update lowers the objective over its
/// row, so the objective never increases.
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

    // Parallel.For starts a new worker (and asks for a new workspace) whenever it rebalances: workspaces, sized for the
    // longest row of either side, are returned here and reused, so a fit allocates a few instead of one per worker.
    private readonly ConcurrentBag<Workspace> _workspaces = new();
    private readonly int _longestRow;

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
        _longestRow = Math.Max(LongestRow(train.UserStart), LongestRow(train.MovieStart));
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };
    }

    /// <summary>
    /// Fits rank <paramref name="rank"/>. A <paramref name="start"/> of lower or equal rank (a fit of the same data)
    /// replaces the leading factor columns and the biases of the initialisation: a warm start from a smaller rank.
    /// </summary>
    public static AlsResult Fit(RatingMatrix train, int rank, AlsOptions options, uint seed = 1, IProgress<string>? progress = null,
        FactorModel? start = null)
    {
        var clock = Stopwatch.StartNew();
        var solver = new AlsSolver(train, rank, options);
        solver.Initialise(seed);
        if (start is not null) solver.WarmStart(start);
        var objective = new List<double> { solver.Objective() };
        var sweepSeconds = new List<double>();
        bool converged = false;
        int iteration = 0;
        while (iteration < options.MaxIterations && !converged)
        {
            iteration++;
            var sweepClock = Stopwatch.StartNew();
            solver.Sweep();
            sweepSeconds.Add(sweepClock.Elapsed.TotalSeconds);
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
            ["solver"] = options.RowSolver == AlsRowSolver.Exact
                ? "exact"
                : $"cg, {options.ConjugateGradientSteps.ToString(CultureInfo.InvariantCulture)} steps",
            ["initialisation"] = options.Initialisation.ToString().ToLowerInvariant(),
            ["iterations"] = iteration.ToString(CultureInfo.InvariantCulture),
            ["converged"] = converged ? "yes" : "no",
            ["objective"] = objective[^1].ToString("F3", CultureInfo.InvariantCulture),
        };
        var model = new FactorModel(rank, solver._users, solver._movies, solver._mean, solver._userBias, solver._movieBias, details);
        return new AlsResult(model, objective, iteration, converged, clock.Elapsed, sweepSeconds);
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

    private void WarmStart(FactorModel start)
    {
        if (start.Rank > _rank) throw new ArgumentException($"a warm start of rank {start.Rank} does not fit rank {_rank}", nameof(start));
        CopyLeadingColumns(start.UserFactors, start.Rank, _users, _rank);
        CopyLeadingColumns(start.MovieFactors, start.Rank, _movies, _rank);
        if (start.UserBias is not null && _userBias is not null) start.UserBias.CopyTo(_userBias, 0);
        if (start.MovieBias is not null && _movieBias is not null) start.MovieBias.CopyTo(_movieBias, 0);
    }

    private static void CopyLeadingColumns(double[] source, int sourceRank, double[] target, int targetRank)
    {
        for (int row = 0; row < target.Length / targetRank; row++)
            source.AsSpan(row * sourceRank, sourceRank).CopyTo(target.AsSpan(row * targetRank, sourceRank));
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
        int size = _size;
        // Rows go to the workers in ranges (16 per worker, for balance), so the per-call cost of the loop body is paid per range.
        var ranges = Partitioner.Create(0, rows, Math.Max(1, rows / (16 * _parallel.MaxDegreeOfParallelism)));
        Parallel.ForEach(ranges, _parallel, () => _workspaces.TryTake(out var reused) ? reused : new Workspace(size, _longestRow, _options),
            (range, _, work) =>
            {
                for (int row = range.Item1; row < range.Item2; row++) UpdateRow(row, start, index, values, fixedFactors, fixedBias, factors, bias, work);
                return work;
            }, _workspaces.Add);
    }

    private void UpdateRow(int row, int[] start, int[] index, double[] values,
        double[] fixedFactors, double[]? fixedBias, double[] factors, double[]? bias, Workspace work)
    {
        int rank = _rank, first = start[row], count = start[row + 1] - first;
        var problem = new RowProblem(index.AsSpan(first, count), values.AsSpan(first, count), fixedFactors, fixedBias,
            rank, _mean, _options.Lambda, _options.EffectiveBiasLambda);
        var x = work.Row.AsSpan();
        factors.AsSpan(row * rank, rank).CopyTo(x);
        if (bias is not null) x[rank] = bias[row];
        if (work.Exact is { } exact) exact.Solve(problem, x);
        else work.ConjugateGradient!.Improve(problem, x);
        x[..rank].CopyTo(factors.AsSpan(row * rank, rank));
        if (bias is not null) bias[row] = x[rank];
    }

    private static int LongestRow(int[] start)
    {
        int longest = 0;
        for (int row = 0; row + 1 < start.Length; row++) longest = Math.Max(longest, start[row + 1] - start[row]);
        return longest;
    }

    /// <summary>Σ_observed (r̂ − r)² + λ(‖U‖² + ‖V‖²) + λ_b(‖b_u‖² + ‖b_m‖²), summed in a fixed order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Objective()
    {
        var perUser = new double[_train.UserCount];
        var ranges = Partitioner.Create(0, _train.UserCount, Math.Max(1, _train.UserCount / (16 * _parallel.MaxDegreeOfParallelism)));
        Parallel.ForEach(ranges, _parallel, range => SquaredErrors(range.Item1, range.Item2, perUser));
        double total = 0;
        foreach (double value in perUser) total += value;
        total += _options.Lambda * (SquaredNorm(_users) + SquaredNorm(_movies));
        if (_userBias is not null && _movieBias is not null)
            total += _options.EffectiveBiasLambda * (SquaredNorm(_userBias) + SquaredNorm(_movieBias));
        return total;
    }

    /// <summary>perUser[u] = Σ over user u's ratings of (r̂ − r)², for users from (inclusive) to (exclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SquaredErrors(int from, int to, double[] perUser)
    {
        for (int u = from; u < to; u++)
        {
            ref double user = ref _users[u * _rank];
            double offset = _mean + (_userBias?[u] ?? 0), sum = 0;
            for (int e = _train.UserStart[u]; e < _train.UserStart[u + 1]; e++)
            {
                int movie = _train.UserMovies[e];
                double predicted = offset + (_movieBias?[movie] ?? 0) + RowKernels.Dot(ref user, ref _movies[movie * _rank], _rank);
                double error = predicted - _train.UserValues[e];
                sum += error * error;
            }
            perUser[u] = sum;
        }
    }

    private static double SquaredNorm(double[] values)
    {
        double sum = 0;
        foreach (double value in values) sum += value * value;
        return sum;
    }

    /// <summary>
    /// A thread's scratch space and row update. The conjugate-gradient solver still solves small rows exactly: the
    /// normal equations cost about n s²/2 multiply-adds for s unknowns, k CG steps 2 n s (k + 1), so below
    /// s = 4 (k + 1) the exact solve is the cheaper one (and its result the better).
    /// </summary>
    private sealed class Workspace(int size, int longestRow, AlsOptions options)
    {
        public readonly double[] Row = new double[size];

        public readonly ExactRowUpdate? Exact = UsesConjugateGradient(size, options) ? null : new ExactRowUpdate(size, longestRow);

        public readonly ConjugateGradientRowUpdate? ConjugateGradient =
            UsesConjugateGradient(size, options) ? new ConjugateGradientRowUpdate(size, options.ConjugateGradientSteps) : null;

        private static bool UsesConjugateGradient(int size, AlsOptions options) =>
            options.RowSolver == AlsRowSolver.ConjugateGradient && size >= 4 * (options.ConjugateGradientSteps + 1);
    }
}
