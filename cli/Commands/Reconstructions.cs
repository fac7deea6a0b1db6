using Spectre.Console;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

namespace Toolkit.Cli.Commands;

/// <summary>The reconstruction branch of <c>toolkit predict</c>: one PNG per input image, and its MSE.</summary>
public static class Reconstructions
{
    public sealed record Written(string Image, string Png, double Mse);

    /// <summary>Where each input's reconstruction goes: --out itself for one image, NAME.recon.png in --out or beside the image.</summary>
    public static IReadOnlyList<string> Destinations(IReadOnlyList<string> sources, string? output) =>
        sources.Select(source => Destination(source, output, sources.Count)).ToList();

    public static void Write(OnnxModel model, IReadOnlyList<(string Source, float[] Input)> inputs, IReadOnlyList<string> destinations, bool json,
        List<(string Source, string Problem)> failures)
    {
        var written = new List<Written>();
        foreach (var ((source, input), png) in inputs.Zip(destinations))
        {
            var reconstruction = model.Run(input, 1);
            PngWriter.Save(reconstruction, 1, model.Info.Height, model.Info.Width, png);
            written.Add(new Written(source, png, ReconstructionEvaluator.SquaredError(input, reconstruction) / input.Length));
        }
        if (json) Json.Print(new { model = model.Path, reconstructions = written, failures = failures.Select(f => new { file = f.Source, error = f.Problem }) });
        else Print(written);
    }

    private static string Destination(string source, string? output, int count)
    {
        string name = Path.GetFileNameWithoutExtension(source) + ".recon.png";
        if (output is null) return Path.Combine(Path.GetDirectoryName(source) ?? ".", name);
        return count == 1 && !Directory.Exists(output) ? output : Path.Combine(output, name);
    }

    private static void Print(IReadOnlyList<Written> written)
    {
        var table = new Table().AddColumns("image", "reconstruction", "MSE");
        foreach (var w in written) table.AddRow(Markup.Escape(w.Image), Markup.Escape(w.Png), w.Mse.ToString("F5"));
        AnsiConsole.Write(table);
    }
}
