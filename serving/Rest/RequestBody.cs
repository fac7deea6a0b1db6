using Microsoft.AspNetCore.Http;

namespace Toolkit.Serving.Rest;

/// <summary>Reads request bodies: whole, or the first file of a multipart form (malformed forms are 400s, not 500s).</summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAllAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(request.ContentLength is long length and < int.MaxValue ? (int)length : 0);
        await request.Body.CopyToAsync(body, cancellationToken);
        return body.ToArray();
    }

    /// <summary>Raw image bytes, or the first file part of a multipart/form-data body.</summary>
    public static async Task<byte[]> ReadImageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Only multipart bodies are forms here: curl --data-binary labels raw bytes as url-encoded.
        bool multipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        byte[] bytes;
        if (multipart)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (IOException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidDataException($"multipart body cannot be read ({e.Message})");
            }
            var file = form.Files.FirstOrDefault() ?? throw new InvalidDataException("multipart request has no file part");
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream, cancellationToken);
            bytes = stream.ToArray();
        }
        else
        {
            bytes = await ReadAllAsync(request, cancellationToken);
        }
        if (bytes.Length == 0) throw new InvalidDataException("empty image; send image bytes or a multipart file");
        return bytes;
    }
}
