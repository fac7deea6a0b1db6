using Toolkit.Inference.Images;
using Toolkit.Pipelines.Prediction;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit predict</c>: classes of image files, or their reconstructions as PNG files.</summary>
public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandArgument(1, "<IMAGES>"), Description("Image files, or folders whose PNG, JPEG, BMP, GIF and WebP files are all read.")]
        public string[] Images { get; init; } = [];
        [CommandOption("--top <K>"), Description("How many classes to list per image. Default: 3."), DefaultValue(3)]
        public int Top { get; init; } = 3;
        [CommandOption("--out <PATH>"), Description("Reconstruction models: the PNG to write for one image, or a folder for several (NAME.recon.png). Default: beside each image.")]
        public string? Out { get; init; }
        [CommandOption("--max-pixels <N>"), DefaultValue(ImageDecoder.DefaultMaxPixels)]
        [Description("Refuse images whose header declares more pixels than this, before decoding them. Default: 50000000.")]
        public long MaxPixels { get; init; } = ImageDecoder.DefaultMaxPixels;
        [CommandOption("--force"), Description("Replace existing reconstruction PNGs.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--top", Top, 1, 1_000),
                OptionRules.Range("--max-pixels", MaxPixels, 1, OptionRules.MaxPixels),
                Out is null || Directory.Exists(Out) || Path.GetExtension(Out).Length == 0 ? null : OptionRules.PngPath("--out", Out))
                ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var model = settings.OpenModel();
        var result = ImagePrediction.Run(model, settings.Images, settings.Top, settings.Out, settings.Force,
            problem => Console.Error.WriteLine($"skipped: {problem}"), settings.MaxPixels);
        var failures = result.Failures.Select(f => new { file = f.File, error = f.Error });
        if (settings.Json && model.Info.IsClassifier) Json.Print(new { model = model.Path, result.Predictions, failures });
        else if (settings.Json) Json.Print(new { model = model.Path, result.Reconstructions, failures });
        else if (model.Info.IsClassifier)
            Tables.Print(result.Predictions.SelectMany(p => p.Top.Select((c, i) => (p.Source, Class: c, First: i == 0))), ["image", "class", "probability"],
                row => [row.First ? Markup.Escape(row.Source) : "", row.First ? $"[bold]{Markup.Escape(row.Class.Class)}[/]" : Markup.Escape(row.Class.Class),
                    row.Class.Probability.ToString("P1")]);
        else Tables.Print(result.Reconstructions, ["image", "reconstruction", "MSE"], w => [Markup.Escape(w.Image), Markup.Escape(w.Png), w.Mse.ToString("F5")]);
        return result.Failures.Count == 0 ? 0 : ErrorReport.Failure;
    }
}
