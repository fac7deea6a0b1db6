using Toolkit.Datasets;

namespace Toolkit.Cli.Commands;

/// <summary>Options shared by every command that reports something.</summary>
public class ReportSettings : CommandSettings
{
    [CommandOption("--json"), Description("Print the result as JSON (for scripts) instead of tables.")]
    public bool Json { get; init; }
}

/// <summary>Options shared by every command that reads data sets.</summary>
public class DataSettings : ReportSettings
{
    [CommandOption("--data <DIR>"), Description("Folder holding the data sets (mnist/, cifar-10/, ml-100k/, topics/). Default: $TOOLKIT_DATA, else a per-user folder.")]
    public string? Data { get; init; }

    public DataLocation Location => DataLocation.Resolve(Data);
}

/// <summary>Options shared by every command that computes with TorchSharp.</summary>
public class TorchSettings : DataSettings
{
    [CommandOption("--threads <N>"), Description("libtorch CPU threads, 1 to 4 per core (default: libtorch's own choice, or OMP_NUM_THREADS). 1 is fastest on a busy machine.")]
    public int? Threads { get; init; }

    public override ValidationResult Validate() =>
        Validation.Check(OptionRules.Threads("--threads", Threads, zeroMeansDefault: false)) ?? base.Validate();

    /// <summary>Applies --threads before any tensor work.</summary>
    public void ApplyThreads()
    {
        if (Threads is int n) TorchSharp.torch.set_num_threads(n);
    }
}
