namespace Toolkit.Export.Transfer;

/// <summary>
/// Bilinear resampling of square CHW planes with half-pixel centres and clamped edges, matching ONNX
/// Resize(mode=linear, coordinate_transformation_mode=half_pixel) without antialiasing.
/// </summary>
public static class Bilinear
{
    public static float[] Resize(float[] planes, int channels, int from, int to)
    {
        if (planes.Length != channels * from * from) throw new ArgumentException($"{planes.Length} values are not {channels} planes of {from}x{from}");
        var (low, high, weight) = Taps(from, to);
        var output = new float[channels * to * to];
        for (int c = 0; c < channels; c++)
        {
            var plane = planes.AsSpan(c * from * from, from * from);
            for (int y = 0; y < to; y++)
                for (int x = 0; x < to; x++)
                {
                    float top = Lerp(plane[low[y] * from + low[x]], plane[low[y] * from + high[x]], weight[x]);
                    float bottom = Lerp(plane[high[y] * from + low[x]], plane[high[y] * from + high[x]], weight[x]);
                    output[(c * to + y) * to + x] = Lerp(top, bottom, weight[y]);
                }
        }
        return output;
    }

    private static float Lerp(float a, float b, float t) => a + (b - a) * t;

    private static (int[] Low, int[] High, float[] Weight) Taps(int from, int to)
    {
        var low = new int[to];
        var high = new int[to];
        var weight = new float[to];
        double scale = (double)from / to;
        for (int i = 0; i < to; i++)
        {
            double source = Math.Clamp((i + 0.5) * scale - 0.5, 0, from - 1);
            low[i] = (int)Math.Floor(source);
            high[i] = Math.Min(low[i] + 1, from - 1);
            weight[i] = (float)(source - low[i]);
        }
        return (low, high, weight);
    }
}
