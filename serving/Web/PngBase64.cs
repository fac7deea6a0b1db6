using SkiaSharp;
using Toolkit.Inference;
using Toolkit.Inference.Images;

namespace Toolkit.Serving.Web;

/// <summary>A model input or output ([0, 1] floats in the model's layout) as a base64 PNG, rounded as <c>PngWriter</c> stores it.</summary>
public static class PngBase64
{
    public static string Of(ReadOnlySpan<float> values, ModelInfo info)
    {
        using var bitmap = PngWriter.ToBitmap(PngWriter.ToBytes(values), info.Channels, info.Height, info.Width);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return Convert.ToBase64String(data.AsSpan());
    }
}
