using SkiaSharp;
using Toolkit.Datasets;
using Toolkit.Inference.Images;

namespace Toolkit.Inference.Attacks;

/// <summary>
/// Draws attack examples as a PNG: one row per image with the original, the perturbation (amplified so that
/// ±eps spans black to white) and the adversarial image, each labelled with what the model predicts.
/// </summary>
public static class AttackGrid
{
    private const int Cell = 160;
    private const int Margin = 12;
    private const int Caption = 44;
    private const int Header = 40;
    private static readonly string[] Columns = ["original", "perturbation (amplified)", "adversarial"];

    public static void Save(AttackReport report, ModelInfo info, string path)
    {
        if (report.Examples.Count == 0) throw new InvalidOperationException("no example changed class; nothing to draw");
        int width = Margin + Columns.Length * (Cell + Margin);
        int height = Header + report.Examples.Count * (Cell + Caption + Margin);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKTypeface.FromFamilyName("DejaVu Sans");
        using var font = new SKFont(typeface, 14);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };

        canvas.DrawText($"{report.Methods[0].Method} at eps {report.ExampleEps:0.###} on {report.Model}", Margin, 18, SKTextAlign.Left, font, ink);
        for (int c = 0; c < Columns.Length; c++)
            canvas.DrawText(Columns[c], Left(c) + Cell / 2f, Header - 6, SKTextAlign.Center, font, ink);

        for (int r = 0; r < report.Examples.Count; r++)
            DrawRow(canvas, report.Examples[r], info, (float)report.ExampleEps, Header + r * (Cell + Caption + Margin), font, ink);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        AtomicFile.WriteAllBytes(path, data.AsSpan());
    }

    private static void DrawRow(SKCanvas canvas, AttackExample example, ModelInfo info, float eps, int top, SKFont font, SKPaint ink)
    {
        var perturbation = example.Adversarial.Select((v, i) => 0.5f + (v - example.Clean[i]) / (2 * eps)).ToArray();
        float[][] images = [example.Clean, perturbation, example.Adversarial];
        string[][] captions = [[$"truth: {example.Truth}", $"predicted: {example.Before}"], [$"image #{example.Index}"], [$"predicted: {example.After}"]];
        for (int c = 0; c < images.Length; c++)
        {
            using var bitmap = PngWriter.ToBitmap(PngWriter.ToBytes(images[c]), info.Channels, info.Height, info.Width);
            using var picture = SKImage.FromBitmap(bitmap);
            // Nearest neighbour keeps the pixels of a 32x32 image visible instead of blurring them.
            canvas.DrawImage(picture, SKRect.Create(Left(c), top, Cell, Cell), new SKSamplingOptions(SKFilterMode.Nearest));
            for (int line = 0; line < captions[c].Length; line++)
                canvas.DrawText(captions[c][line], Left(c) + Cell / 2f, top + Cell + 18 * (line + 1), SKTextAlign.Center, font, ink);
        }
    }

    private static float Left(int column) => Margin + column * (Cell + Margin);
}
