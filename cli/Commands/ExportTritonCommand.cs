using Toolkit.Serving.Triton;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit export triton SOURCE --out REPO</c>: a Triton / KServe model repository of every model in SOURCE.</summary>
public sealed class ExportTritonCommand : Command<ExportTritonCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SOURCE>"), Description("A model file, a folder of them (models/, gradient graphs included) or a Triton repository.")]
        public string Source { get; init; } = "";
        [CommandOption("--out <REPO>"), Description("The repository folder to write (NAME/config.pbtxt, NAME/labels.txt, NAME/1/model.onnx).")]
        public string Out { get; init; } = "";
        [CommandOption("--max-batch <N>"), Description("max_batch_size of each config.pbtxt. Default: 32."), DefaultValue(32)]
        public int MaxBatch { get; init; } = 32;
        [CommandOption("--queue-delay-us <N>"), Description("dynamic_batching max_queue_delay_microseconds. Default: 2000."), DefaultValue(2000L)]
        public long QueueDelayMicroseconds { get; init; } = 2000;
        [CommandOption("--instance-kind <KIND>"), Description("instance_group kind: KIND_AUTO (GPU where Triton has one), KIND_GPU or KIND_CPU. Default: KIND_AUTO."), DefaultValue("KIND_AUTO")]
        public string InstanceKind { get; init; } = "KIND_AUTO";
        [CommandOption("--force"), Description("Replace REPO if it exists and is not empty.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(
                File.Exists(Source) || Directory.Exists(Source) ? null : $"{Source}: no such model file or folder",
                string.IsNullOrWhiteSpace(Out) ? "--out REPO is required" : null,
                OptionRules.Range("--max-batch", MaxBatch, 1, 4096),
                OptionRules.Range("--queue-delay-us", QueueDelayMicroseconds, 0, long.MaxValue),
                TritonModelConfig.InstanceKinds.Contains(InstanceKind) ? null : $"--instance-kind {InstanceKind}: expected {string.Join(", ", TritonModelConfig.InstanceKinds)}")
            ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var models = TritonExporter.Export(settings.Source, settings.Out, settings.MaxBatch, settings.QueueDelayMicroseconds, settings.InstanceKind, settings.Force);
        Tables.Print(models, ["model", "versions", "max_batch_size", "inputs", "outputs"],
            m => [Markup.Escape(m.Name), string.Join(", ", m.Versions), m.Config.MaxBatchSize.ToString(), Markup.Escape(Tensors(m.Config.Inputs)), Markup.Escape(Tensors(m.Config.Outputs))]);
        AnsiConsole.MarkupLine($"wrote {models.Count} models to [bold]{Markup.Escape(settings.Out)}[/]; serve it with 'toolkit serve {Markup.Escape(settings.Out)}' or Triton (see deploy/)");
        return 0;
    }

    private static string Tensors(IReadOnlyList<TritonTensor> tensors) =>
        string.Join("; ", tensors.Select(t => $"{t.Name} {t.DataType} [{string.Join(", ", t.Dims)}]"));
}
