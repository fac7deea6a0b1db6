using Toolkit.Inference.Images;
using Toolkit.Serving.Repository;
using Toolkit.Serving.Tensors;

namespace Toolkit.Serving.Images;

/// <summary>
/// Turns uploaded image bytes into a model's input tensor as <c>predict</c> does, checking the header's pixel
/// count against a cap before decoding and holding a share of the decode budget while the pixels are in memory.
/// </summary>
public sealed class ImageInput(long maxPixels, DecodeBudget budget)
{
    private const int BytesPerPixel = 4;

    public long MaxPixels { get; } = maxPixels;

    public async Task<Tensor> ReadAsync(byte[] bytes, ServedModel model, CancellationToken cancellationToken)
    {
        if (model.Inputs.Count != 1) throw new TensorException($"model '{model.Name}' takes {model.Inputs.Count} inputs; the image route feeds one");
        var (width, height) = ImageDecoder.ReadDimensions(bytes);
        long pixels = (long)width * height;
        if (pixels > MaxPixels)
            throw new ImageTooLargeException("request body", width, height, MaxPixels);

        float[] values;
        using (await budget.ReserveAsync(pixels * BytesPerPixel, cancellationToken))
        {
            using var bitmap = ImageDecoder.Decode(bytes, "request body", MaxPixels);
            values = ImageTensor.ToInput(bitmap, model.Info);
        }
        var spec = model.Inputs[0];
        var data = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, data, 0, data.Length);
        return new Tensor(spec.Name, Datatype.Fp32, [1, .. spec.Shape.Skip(1)], data);
    }
}
