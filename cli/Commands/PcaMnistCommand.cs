using Toolkit.Datasets.Mnist;
using Toolkit.Pipelines.Exports;
using Toolkit.Pipelines.Mnist;
using Toolkit.Training.Mnist;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit pca mnist</c>: PCA of the MNIST training set for each k, exported as reconstruction graphs.</summary>
public sealed class PcaMnistCommand : Command<PcaMnistCommand.Settings>
{
    public sealed class Settings : TorchSettings
    {
        [CommandOption("--components <LIST>"), Description("Numbers of components k, comma-separated (32,64,128).")]
        public string Components { get; init; } = "32,64,128";
        [CommandOption("--out <DIR>"), Description("Folder of the fit's record, pca.json (runs/mnist-pca).")]
        public string Out { get; init; } = Path.Combine("runs", "mnist-pca");
        [CommandOption("--models <DIR>"), Description("Where the ONNX models go, e.g. models (default: the --out folder).")]
        public string? Models { get; init; }
        [CommandOption("--no-export"), Description("Fit only; do not write mnist-pca-kK.onnx.")]
        public bool NoExport { get; init; }
        [CommandOption("--force"), Description("Replace existing models and cards.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(OptionRules.List<int>("--components", Components, k => OptionRules.Range("--components", k, 1, MnistImages.PixelsPerImage)))
            ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.ApplyThreads();
        var (record, exports) = PcaFitting.Run(OptionRules.Values<int>(settings.Components), settings.Out, settings.Models, settings.NoExport, settings.Force,
            settings.Location, CommandLine.Echo());
        return Json.PrintOr(settings.Json, new { record, exports }, () => Print(record, exports));
    }

    private static void Print(PcaRecord record, IReadOnlyList<ExportResult> exports)
    {
        AnsiConsole.MarkupLine($"PCA of the MNIST training set: fit in {record.FitSeconds:F1} s ({record.WallSeconds:F1} s with the measurements)");
        Tables.Print(record.Sizes, ["k", "explained variance", "train MSE", "test MSE"],
            s => [s.Components.ToString(), s.ExplainedVariance.ToString("P1"), s.TrainMse.ToString("F5"), s.TestMse.ToString("F5")]);
        foreach (var e in exports)
            AnsiConsole.MarkupLine($"wrote {Markup.Escape(e.Onnx)}: train MSE {e.Metrics["train_mse"]:F5}, test MSE {e.Metrics["test_mse"]:F5} through ONNX Runtime");
    }
}
