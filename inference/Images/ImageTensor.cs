using SkiaSharp;

namespace Toolkit.Inference.Images;

/// <summary>Turns a decoded image into one model input: resized to the model's size, [0, 1] floats, CHW or flat grey.</summary>
public static class ImageTensor
{
    public static float[] ToInput(SKBitmap image, ModelInfo model)
    {
        using var resized = Resize(image, model.Width, model.Height);
        var pixels = resized.GetPixelSpan();
        int plane = model.Width * model.Height;
        var input = new float[model.InputSize];

        if (model.Channels == 3)
        {
            for (int i = 0; i < plane; i++)
            {
                input[i] = pixels[4 * i] / 255f;
                input[plane + i] = pixels[4 * i + 1] / 255f;
                input[2 * plane + i] = pixels[4 * i + 2] / 255f;
            }
        }
        else if (model.Channels == 1 && model.InputSize == plane)
        {
            for (int i = 0; i < plane; i++)
                input[i] = (0.299f * pixels[4 * i] + 0.587f * pixels[4 * i + 1] + 0.114f * pixels[4 * i + 2]) / 255f;
        }
        else
        {
            throw new NotSupportedException($"cannot feed an image to a model with input shape [{string.Join(", ", model.InputShape)}]");
        }
        return input;
    }

    public static SKBitmap Resize(SKBitmap image, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (image.Width == width && image.Height == height && image.ColorType == SKColorType.Rgba8888) return image.Copy();
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        return image.Resize(info, sampling) ?? throw new ImageDecodeException($"cannot resize a {image.Width}x{image.Height} image");
    }
}
