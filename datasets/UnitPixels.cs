namespace Toolkit.Datasets;

/// <summary>Stored 0-255 pixel bytes as the float pixels in [0, 1] every model takes.</summary>
public static class UnitPixels
{
    public const float Scale = 255f;

    public static void Convert(ReadOnlySpan<byte> bytes, Span<float> pixels)
    {
        if (pixels.Length < bytes.Length) throw new ArgumentException($"{pixels.Length} floats cannot hold {bytes.Length} pixels");
        for (int i = 0; i < bytes.Length; i++) pixels[i] = bytes[i] / Scale;
    }

    public static float[] Convert(ReadOnlySpan<byte> bytes)
    {
        var pixels = new float[bytes.Length];
        Convert(bytes, pixels);
        return pixels;
    }
}
