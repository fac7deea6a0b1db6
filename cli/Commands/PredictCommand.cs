using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;
using Toolkit.Pipelines.Outputs;

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

        [CommandOption("--force")]
        [Description("Replace existing reconstruction PNGs.")]
        public bool Force { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var model = settings.OpenModel();
        var inputs = new List<(string Source, float[] Input)>();
        var failures = new List<(string Source, string Problem)>();

        foreach (string path in ExpandPaths(settings.Images, failures))
        {
            try
            {
                using var bitmap = ImageDecoder.Decode(path);
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
            var destinations = Reconstructions.Destinations(inputs.Select(i => i.Source).ToList(), settings.Out);
            foreach (string png in destinations)
            {
                OutputGuard.Extension(png, ".png", "--out");
                OutputGuard.NotAnInput(png, [settings.Model, .. inputs.Select(i => i.Source)], "--out");
                OutputGuard.MayReplace(png, settings.Force);
            }
            Reconstructions.Write(model, inputs, destinations, settings.Json, failures);
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
                foreach (string file in Directory.EnumerateFiles(path).Where(IsImageFile).Order(StringComparer.Ordinal))
                    yield return file;
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

    private static void Print(IReadOnlyList<Prediction> predictions)
    {
        var table = new Table().AddColumns("image", "class", "probability");
        foreach (var prediction in predictions)
        {
            for (int i = 0; i < prediction.Top.Count; i++)
            {
                var c = prediction.Top[i];
                table.AddRow(i == 0 ? Markup.Escape(prediction.Source) : "", i == 0 ? $"[bold]{c.Class}[/]" : c.Class, c.Probability.ToString("P1"));
            }
        }
        AnsiConsole.Write(table);
    }
}
