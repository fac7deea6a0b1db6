using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;
using Toolkit.Pipelines.Outputs;

namespace Toolkit.Pipelines.Prediction;

public sealed record Failure(string File, string Error);

public sealed record Reconstruction(string Image, string Png, double Mse);

/// <summary>What predict did: classes for a classifier, PNGs for a reconstruction model, and the files it skipped.</summary>
public sealed record PredictionResult(IReadOnlyList<Inference.Prediction.Prediction> Predictions, IReadOnlyList<Reconstruction> Reconstructions,
    IReadOnlyList<Failure> Failures);

/// <summary>
/// predict, top to bottom: expand folders into image files, decode each (a bad file is skipped and reported), then
/// classify them, or for a reconstruction model check every output PNG and write one per image.
/// </summary>
public static class ImagePrediction
{
    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    /// <param name="output">Reconstructions: the PNG for one image, or a folder for several; null: beside each image.</param>
    public static PredictionResult Run(OnnxModel model, IEnumerable<string> paths, int top, string? output, bool force, Action<string> skipped,
        long maxPixels = ImageDecoder.DefaultMaxPixels)
    {
        if (output is not null && model.Info.Task != ModelInfo.Reconstruction)
            throw new ArgumentException($"--out {output}: {model.Path} is a {model.Info.Task} model; only reconstruction models write images to --out");
        var failures = new List<Failure>();
        var inputs = new List<(string Source, float[] Input)>();
        foreach (string path in ImageFiles(paths, failures, skipped))
        {
            try
            {
                using var bitmap = ImageDecoder.Decode(path, maxPixels);
                inputs.Add((path, ImageTensor.ToInput(bitmap, model.Info)));
            }
            catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException)
            {
                failures.Add(new Failure(path, e.Message));
                skipped(e.Message);
            }
        }
        if (model.Info.Task != ModelInfo.Reconstruction)
            return new PredictionResult(new Predictor(model, top).Predict(inputs), [], failures);
        return new PredictionResult([], Reconstruct(model, inputs, output, force), failures);
    }

    private static List<Reconstruction> Reconstruct(OnnxModel model, List<(string Source, float[] Input)> inputs, string? output, bool force)
    {
        var destinations = inputs.Select(i => Destination(i.Source, output, inputs.Count)).ToList();
        foreach (string png in destinations)
            OutputGuard.NewFile(png, ".png", "--out", [model.Path, .. inputs.Select(i => i.Source)], force);
        var written = new List<Reconstruction>();
        foreach (var ((source, input), png) in inputs.Zip(destinations))
        {
            var reconstruction = model.Run(input, 1);
            PngWriter.Save(reconstruction, 1, model.Info.Height, model.Info.Width, png);
            written.Add(new Reconstruction(source, png, ReconstructionEvaluator.SquaredError(input, reconstruction) / input.Length));
        }
        return written;
    }

    /// <summary>Where an input's reconstruction goes: --out itself for one image, NAME.recon.png in --out or beside the image.</summary>
    private static string Destination(string source, string? output, int count)
    {
        string name = Path.GetFileNameWithoutExtension(source) + ".recon.png";
        if (output is null) return Path.Combine(Path.GetDirectoryName(source) ?? ".", name);
        return count == 1 && !Directory.Exists(output) ? output : Path.Combine(output, name);
    }

    private static IEnumerable<string> ImageFiles(IEnumerable<string> paths, List<Failure> failures, Action<string> skipped)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path).Where(IsImageFile).Where(f => !IsReconstruction(f)).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    string problem = $"{path}: no PNG, JPEG, BMP, GIF or WebP files in this folder";
                    failures.Add(new Failure(path, problem));
                    skipped(problem);
                }
                foreach (string file in files) yield return file;
            }
            else if (File.Exists(path)) yield return path;
            else
            {
                failures.Add(new Failure(path, $"{path}: no such file or folder"));
                skipped($"{path}: no such file or folder");
            }
        }
    }

    private static bool IsImageFile(string path) => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>A reconstruction predict wrote earlier (NAME.recon.png): output, not input.</summary>
    private static bool IsReconstruction(string path) => path.EndsWith(".recon.png", StringComparison.OrdinalIgnoreCase);
}
