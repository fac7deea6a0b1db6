using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Toolkit.Serving.Rest;
using Xunit;

namespace Toolkit.Tests.Serving;

/// <summary>Builds requests as Triton's HTTP client sends them and reads the answers, for the tests.</summary>
public static class ProtocolClient
{
    public static float[] Pixels(int count, int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count * size).Select(_ => (float)random.NextDouble()).ToArray();
    }

    public static byte[] Bytes<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static float[] Floats(ReadOnlySpan<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>A binary-extension body: the JSON header, then each tensor's bytes in input order.</summary>
    public static ByteArrayContent Binary(object header, params byte[][] tensors)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header);
        var body = json.Concat(tensors.SelectMany(t => t)).ToArray();
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add(InferJson.HeaderLengthHeader, json.Length.ToString());
        return content;
    }

    /// <summary>Splits a binary-extension response into its JSON header and the bytes after it.</summary>
    public static async Task<(JsonDocument Header, byte[] Binary)> ReadBinaryAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        int length = int.Parse(response.Headers.GetValues(InferJson.HeaderLengthHeader).Single());
        return (JsonDocument.Parse(body.AsMemory(0, length)), body[length..]);
    }

    public static float[] DataOf(JsonElement output) => output.GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray();

    public static async Task<string> AssertError(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string message = json.RootElement.GetProperty("error").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message;
    }


    public static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-4f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
