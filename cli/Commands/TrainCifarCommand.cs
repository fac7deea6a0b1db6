using Toolkit.Pipelines.Cifar;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using Toolkit.Training.Search;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Options of <c>train cifar10</c>. Hyperparameters are text so that a search can list values
/// (<c>1e-2,1e-3</c>), a grid (<c>100:240:20</c>) or a range to sample (<c>100:200</c>).
/// </summary>
public sealed class TrainCifarSettings : TorchSettings
{
    [CommandOption("--arch <ARCH>"), Description("logreg, mlp, conv, lenet or fast (a residual batch-norm network trained by the fast recipe).")]
    public string? Arch { get; init; }
    [CommandOption("--lr <VALUES>"), Description("Learning rate, the peak for one-cycle (1e-2 logreg, 1e-3 mlp, 0.02 conv/lenet, 0.05 fast).")]
    public string? Lr { get; init; }
    [CommandOption("--hidden <VALUES>"), Description("M: mlp hidden units (200) or conv filters (200).")]
    public string? Hidden { get; init; }
    [CommandOption("--kernel <VALUES>"), Description("k: convolution kernel side (5; 3 fast).")]
    public string? Kernel { get; init; }
    [CommandOption("--pool <VALUES>"), Description("N for conv (8), p for lenet (3), each stage's pool for fast (2): max-pool side.")]
    public string? Pool { get; init; }
    [CommandOption("--o1 <VALUES>"), Description("lenet first convolution channels (173); fast stem width (16).")]
    public string? O1 { get; init; }
    [CommandOption("--o2 <VALUES>"), Description("lenet second convolution channels (134); fast stage-1 width (32).")]
    public string? O2 { get; init; }
    [CommandOption("--o3 <VALUES>"), Description("lenet first hidden layer units (175); fast stage-2 width (64).")]
    public string? O3 { get; init; }
    [CommandOption("--o4 <VALUES>"), Description("lenet second hidden layer units (113); fast stage-3 width (128).")]
    public string? O4 { get; init; }
    [CommandOption("--epochs <VALUES>"), Description("Epochs (12 logreg/mlp, 8 conv/lenet/fast).")]
    public string? Epochs { get; init; }
    [CommandOption("--batch-size <VALUES>"), Description("Mini-batch size (512 logreg, 128 mlp, 32 conv/lenet, 256 fast).")]
    public string? BatchSize { get; init; }
    [CommandOption("--momentum <VALUES>"), Description("SGD momentum (0.9).")]
    public string? Momentum { get; init; }
    [CommandOption("--weight-decay <VALUES>"), Description("L2 weight decay (0; 5e-4 fast).")]
    public string? WeightDecay { get; init; }
    [CommandOption("--optimizer <NAME>"), Description("adam or sgd (adam for logreg/mlp, sgd for conv/lenet).")]
    public OptimizerKind? Optimizer { get; init; }
    [CommandOption("--schedule <NAME>"), Description("Learning-rate schedule: constant (the reference recipes), cosine (default) or onecycle (fast).")]
    public LearningRateSchedule? Schedule { get; init; }
    [CommandOption("--flip <BOOL>"), Description("Random horizontal flips of training images (true for conv/lenet/fast).")]
    public bool? Flip { get; init; }
    [CommandOption("--normalize <BOOL>"), Description("Normalize pixels to (p - 0.5) / 0.5 in the network's first layer (true for mlp/conv/lenet/fast).")]
    public bool? Normalize { get; init; }
    [CommandOption("--seed <SEED>"), Description("Seed of weights, batch order and flips (1).")]
    public long? Seed { get; init; }
    [CommandOption("--subset <N>"), Description("Train on the first N training images (and N/4 validation images) for a quick run.")]
    public int? Subset { get; init; }
    [CommandOption("--device <DEVICE>"), Description("cpu, cuda or auto (default).")]
    public string Device { get; init; } = "auto";
    [CommandOption("--search <KIND>"), Description("none (default), grid over listed values, or random over ranges.")]
    public SearchKind Search { get; init; } = SearchKind.None;
    [CommandOption("--trials <N>"), Description("Trials of a random search (20).")]
    public int Trials { get; init; } = 20;
    [CommandOption("--out <DIR>"), Description("Run folder (default runs/cifar10-ARCH-TIME).")]
    public string? Out { get; init; }
    [CommandOption("--resume <RUN>"), Description("Continue the run or search in this folder from its last checkpoint.")]
    public string? Resume { get; init; }
    [CommandOption("--name <NAME>"), Description("Model name for the export (default cifar10-ARCH).")]
    public string? Name { get; init; }
    [CommandOption("--models <DIR>"), Description("Folder for the exported model, e.g. models (default: the run folder). A resumed run keeps its own.")]
    public string? Models { get; init; }
    [CommandOption("--no-export"), Description("Do not export the (best) trained model.")]
    public bool NoExport { get; init; }
    [CommandOption("--force"), Description("Replace an existing model, card or gradient graph, or a run folder of another configuration.")]
    public bool Force { get; init; }

    public override ValidationResult Validate()
    {
        try
        {
            return Validation.Check(Options.Problem()) ?? base.Validate();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error(e.Message);
        }
    }

    /// <summary>The run or search these options ask for; hyperparameters given on the command line are set or searched by name.</summary>
    public CifarTrainingOptions Options => new()
    {
        Arch = Arch, Optimizer = Optimizer, Schedule = Schedule, Flip = Flip, Normalize = Normalize, Seed = Seed, Subset = Subset,
        Device = Device, Search = Search, Trials = Trials,
        Hyperparameters = new (string Name, string? Text)[]
        {
            ("lr", Lr), ("hidden", Hidden), ("kernel", Kernel), ("pool", Pool), ("o1", O1), ("o2", O2), ("o3", O3),
            ("o4", O4), ("epochs", Epochs), ("batch-size", BatchSize), ("momentum", Momentum), ("weight-decay", WeightDecay),
        }.Where(g => g.Text is not null).Select(g => ParameterSpec.Parse(g.Name, g.Text!)).ToList(),
    };
}

/// <summary><c>toolkit train cifar10</c>: one run or a search, in a run folder, then the best model's export.</summary>
public sealed class TrainCifarCommand : Command<TrainCifarSettings>
{
    public override int Execute(CommandContext context, TrainCifarSettings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var plan = settings.Resume is string resume
            ? CifarTraining.Resume(resume)
            : settings.Options.Plan(settings.Out, settings.Models, settings.Name, settings.NoExport);
        if (!settings.Json) AnsiConsole.MarkupLine($"Run folder: [bold]{Markup.Escape(plan.Folder)}[/]; data from {Markup.Escape(settings.Location.Root)}");
        var result = TrainingProgressBar.Show(settings.Json, bar => CifarTraining.Run(plan, settings.Location, CommandLine.Echo(), settings.Force, bar));
        if (settings.Json) Json.Print(result);
        else
        {
            if (result.Run is not null) TrainingReport.PrintRun(result.Run);
            if (result.Search is not null) TrainingReport.PrintSearch(result.Search, result.Folder);
            if (result.Export is not null) TrainingReport.PrintExport(result.Export);
        }
        return 0;
    }
}
