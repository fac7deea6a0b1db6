using Toolkit.Pipelines.Options;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Search;

namespace Toolkit.Pipelines.Cifar;

/// <summary>
/// A new CIFAR-10 run or search as the user asks for it: the architecture's recipe, the recipe's settings changed,
/// and hyperparameters set or searched by name (<c>lr</c>, <c>hidden</c>, ...). <see cref="Plan"/> makes it a
/// <see cref="CifarTrainingPlan"/>.
/// </summary>
public sealed record CifarTrainingOptions
{
    public static readonly IReadOnlyList<string> Architectures = Enum.GetNames<CifarArchitecture>().Select(n => n.ToLowerInvariant()).ToArray();

    public string? Arch { get; init; }
    public IReadOnlyList<ParameterSpec> Hyperparameters { get; init; } = [];
    public OptimizerKind? Optimizer { get; init; }
    public LearningRateSchedule? Schedule { get; init; }
    public bool? Flip { get; init; }
    public bool? Normalize { get; init; }
    public long? Seed { get; init; }
    public int? Subset { get; init; }
    public string Device { get; init; } = "auto";
    public SearchKind Search { get; init; } = SearchKind.None;
    public int Trials { get; init; } = 20;

    /// <summary>The architecture named by <paramref name="arch"/> (one of <see cref="Architectures"/>, any case).</summary>
    public static CifarArchitecture Architecture(string? arch) => arch is null
        ? throw new ArgumentException($"--arch is required: {string.Join(", ", Architectures)}")
        : ArchitectureProblem(arch) is null ? Enum.Parse<CifarArchitecture>(arch, ignoreCase: true)
        : throw new ArgumentException($"unknown --arch '{arch}': use {string.Join(", ", Architectures)}");

    /// <summary>Why <paramref name="arch"/> names no architecture, in the form of the command line's option checks, or null.</summary>
    public static string? ArchitectureProblem(string arch) =>
        Architectures.Contains(arch.ToLowerInvariant()) ? null : $"--arch {arch}: expected {string.Join(", ", Architectures)}";

    /// <summary>The first problem of these options (naming the option), or null when they can run.</summary>
    public string? Problem() =>
        OptionRules.First(
            Arch is null ? null : ArchitectureProblem(Arch),
            OptionRules.Range("--subset", Subset, 1, CifarData.TrainingCount),
            OptionRules.Range("--trials", Trials, 1, ParameterSpec.MaxPoints),
            Hyperparameters.Select(HyperparameterProblem).FirstOrDefault(p => p is not null));

    /// <summary>Every value a hyperparameter may take (both ends of a sampled range) must lie in its range.</summary>
    private static string? HyperparameterProblem(ParameterSpec spec)
    {
        IEnumerable<double> values = spec.IsSampledRange ? [spec.RangeStart!.Value, spec.RangeEnd!.Value] : spec.Values;
        string option = "--" + spec.Name;
        Func<double, string?> rule = spec.Name switch
        {
            "lr" => v => OptionRules.Positive(option, v),
            "weight-decay" => v => OptionRules.NotNegative(option, v),
            "momentum" => v => OptionRules.Momentum(option, v),
            "epochs" => v => OptionRules.WholeNumber(option, v, 1, OptionRules.MaxCount),
            "batch-size" => v => OptionRules.WholeNumber(option, v, 1, OptionRules.MaxBatch),
            _ => v => OptionRules.WholeNumber(option, v, 1, OptionRules.MaxLayerSize),
        };
        return values.Select(rule).FirstOrDefault(p => p is not null);
    }

    /// <summary>The architecture's recipe with the settings that are not searched applied.</summary>
    public CifarRunSpec BaseSpec()
    {
        var recipe = CifarRecipes.Default(Architecture(Arch));
        var training = recipe.Training with
        {
            Optimizer = Optimizer ?? recipe.Training.Optimizer,
            Schedule = Schedule ?? recipe.Training.Schedule,
            FlipAugment = Flip ?? recipe.Training.FlipAugment,
            Seed = Seed ?? recipe.Training.Seed,
        };
        var net = recipe.Net with { NormalizesInput = Normalize ?? recipe.Net.NormalizesInput };
        return recipe with { Net = net, Training = training, Subset = Subset, Device = Device };
    }

    /// <summary>
    /// One run with the given hyperparameters, or a search over them, in <paramref name="folder"/> (default
    /// runs/cifar10-ARCH-TIME); the best model is exported to <paramref name="modelsFolder"/> (default: the run folder).
    /// </summary>
    public CifarTrainingPlan Plan(string? folder, string? modelsFolder, string? name, bool noExport)
    {
        var baseSpec = BaseSpec();
        string arch = baseSpec.Net.Arch.ToString().ToLowerInvariant();
        folder ??= Path.Combine("runs", $"cifar10-{arch}-{DateTime.Now:yyyyMMdd-HHmmss}");
        var search = Search == SearchKind.None ? null : CifarSearch.Plan(Hyperparameters, Search, Trials, baseSpec.Training.Seed);
        if (search is null)
            baseSpec = CifarSearch.Apply(baseSpec, TrialPlanner.Plan(Hyperparameters, SearchKind.None, 1, baseSpec.Training.Seed)[0].Values);
        return CifarTraining.New(baseSpec, search, folder, modelsFolder, name, noExport);
    }
}
