using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;
using Toolkit.Pipelines.Prediction;

namespace Toolkit.Cli.Commands;

public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandArgument(1, "<IMAGES>")]
        [Description("Image files, or folders whose PNG, JPEG, BMP, GIF and WebP files are all read.")]
        public string[] Images { get; init; } = [];

        [CommandOption("--top <K>")]
        [Description("How many classes to list per image. Default: 3.")]
        [DefaultValue(3)]
        public int Top { get; init; } = 3;

        [CommandOption("--out <PATH>")]
        [Description("Reconstruction models: the PNG to write for one image, or a folder for several (NAME.recon.png). Default: beside each image.")]
        public string? Out { get; init; }

        [CommandOption("--max-pixels <N>")]
        [Description("Refuse images whose header declares more pixels than this, before decoding them. Default: 50000000.")]
        [DefaultValue(ImageDecoder.DefaultMaxPixels)]
        public long MaxPixels { get; init; } = ImageDecoder.DefaultMaxPixels;

        public override ValidationResult Validate() =>
            OptionRules.Check(
                OptionRules.Range("--top", Top, 1, 1_000),
                OptionRules.Range("--max-pixels", MaxPixels, 1, OptionRules.MaxPixels),
                Out is null || Directory.Exists(Out) || Path.GetExtension(Out).Length == 0 ? null : OptionRules.PngPath("--out", Out))
                ?? base.Validate();

        /// <summary>Checks what depends on the model before any image is read: only reconstructions are written to --out.</summary>
        public void CheckOutputFor(Toolkit.Inference.ModelInfo model)
        {
            if (Out is not null && model.Task != Toolkit.Inference.ModelInfo.Reconstruction)
                throw new ArgumentException($"--out {Out}: {Model} is a {model.Task} model; only reconstruction models write images to --out");
        }

        [CommandOption("--force")]
        [Description("Replace existing reconstruction PNGs.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var model = settings.OpenModel();
        settings.CheckOutputFor(model.Info);
        var result = ImagePrediction.Run(model, settings.Images, settings.Top, settings.Out, settings.Force,
            problem => Console.Error.WriteLine($"skipped: {problem}"), settings.MaxPixels);
        var failures = result.Failures.Select(f => new { file = f.File, error = f.Error });
        if (settings.Json && model.Info.IsClassifier) Json.Print(new { model = model.Path, result.Predictions, failures });
        else if (settings.Json) Json.Print(new { model = model.Path, result.Reconstructions, failures });
        else if (model.Info.IsClassifier) Print(result.Predictions);
        else Print(result.Reconstructions);
        return result.Failures.Count == 0 ? 0 : ErrorReport.Failure;
    }

    private static void Print(IReadOnlyList<Reconstruction> written)
    {
        var table = new Table().AddColumns("image", "reconstruction", "MSE");
        foreach (var w in written) table.AddRow(Markup.Escape(w.Image), Markup.Escape(w.Png), w.Mse.ToString("F5"));
        AnsiConsole.Write(table);
    }

    private static void Print(IReadOnlyList<Inference.Prediction.Prediction> predictions)
    {
        var table = new Table().AddColumns("image", "class", "probability");
        foreach (var prediction in predictions)
        {
            for (int i = 0; i < prediction.Top.Count; i++)
            {
                var c = prediction.Top[i];
                table.AddRow(i == 0 ? Markup.Escape(prediction.Source) : "", i == 0 ? $"[bold]{Markup.Escape(c.Class)}[/]" : Markup.Escape(c.Class), c.Probability.ToString("P1"));
            }
        }
        AnsiConsole.Write(table);
    }
}
