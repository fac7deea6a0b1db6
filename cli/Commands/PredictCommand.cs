using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;

namespace Toolkit.Cli.Commands;

public sealed class PredictCommand : Command<PredictCommand.Settings>
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var model = settings.OpenModel();
        settings.CheckOutputFor(model.Info);
        var inputs = new List<(string Source, float[] Input)>();
        var failures = new List<(string Source, string Problem)>();

        foreach (string path in ExpandPaths(settings.Images, failures))
        {
            try
            {
                using var bitmap = ImageDecoder.Decode(path, settings.MaxPixels);
                inputs.Add((path, ImageTensor.ToInput(bitmap, model.Info)));
            }
            catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                failures.Add((path, e.Message));
                Console.Error.WriteLine($"skipped: {e.Message}");
            }
        }

        if (model.Info.Task == Toolkit.Inference.ModelInfo.Reconstruction)
        {
            Reconstructions.Write(model, inputs, settings.Out, settings.Json, failures);
            return failures.Count == 0 ? 0 : ErrorReport.Failure;
        }
        var predictions = new Predictor(model, settings.Top).Predict(inputs);
        if (settings.Json)
            Json.Print(new { model = model.Path, predictions, failures = failures.Select(f => new { file = f.Source, error = f.Problem }) });
        else
            Print(predictions);
        return failures.Count == 0 ? 0 : ErrorReport.Failure;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths, List<(string, string)> failures)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path).Where(IsImageFile).Where(f => !IsReconstruction(f)).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    failures.Add((path, $"{path}: no PNG, JPEG, BMP, GIF or WebP files in this folder"));
                    Console.Error.WriteLine($"skipped: {path}: no PNG, JPEG, BMP, GIF or WebP files in this folder");
                }
                foreach (string file in files) yield return file;
            }
            else if (File.Exists(path)) yield return path;
            else
            {
                failures.Add((path, $"{path}: no such file or folder"));
                Console.Error.WriteLine($"skipped: {path}: no such file or folder");
            }
        }
    }

    private static bool IsImageFile(string path) => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>A reconstruction this command wrote earlier (NAME.recon.png): output, not input.</summary>
    private static bool IsReconstruction(string path) => path.EndsWith(".recon.png", StringComparison.OrdinalIgnoreCase);

    private static void Print(IReadOnlyList<Prediction> predictions)
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
