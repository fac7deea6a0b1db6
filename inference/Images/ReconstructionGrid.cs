using SkiaSharp;
using Toolkit.Datasets;

namespace Toolkit.Inference.Images;

/// <summary>
/// A grid of grey images as one PNG: one row per example, the original first and then one reconstruction per
/// column, each tile scaled up without smoothing and separated by a thin gap.
/// </summary>
public static class ReconstructionGrid
{
    public const int Scale = 3;
    public const int Gap = 4;

    /// <param name="rows">Per row, its tiles ([0, 1] floats, <paramref name="side"/>² values each), left to right.</param>
    public static void Save(IReadOnlyList<IReadOnlyList<float[]>> rows, int side, string path)
    {
        int columns = rows.Max(r => r.Count);
        int tile = side * Scale;
        using var canvasBitmap = new SKBitmap(Gap + columns * (tile + Gap), Gap + rows.Count * (tile + Gap));
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.Clear(new SKColor(128, 128, 128));
            for (int r = 0; r < rows.Count; r++)
                for (int c = 0; c < rows[r].Count; c++)
                    DrawTile(canvas, rows[r][c], side, Gap + c * (tile + Gap), Gap + r * (tile + Gap));
        }
        using var data = canvasBitmap.Encode(SKEncodedImageFormat.Png, 100);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllBytes(path, data.AsSpan());
    }

    private static void DrawTile(SKCanvas canvas, float[] pixels, int side, int x, int y)
    {
        using var bitmap = PngWriter.ToBitmap(PngWriter.ToBytes(pixels), 1, side, side);
        using var image = SKImage.FromBitmap(bitmap);
        var target = new SKRect(x, y, x + side * Scale, y + side * Scale);
        canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None));
    }
}
