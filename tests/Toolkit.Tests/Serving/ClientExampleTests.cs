using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;
using Xunit;

namespace Toolkit.Tests.Serving;

/// <summary>The README's C# client, run as written against the server: it must agree with the image route.</summary>
public sealed class ClientExampleTests(ModelsServerFixture fixture) : IClassFixture<ModelsServerFixture>
{
    [Fact]
    public async Task ReadmeClientClassifiesASampleAsTheImageRouteDoes()
    {
        string path = Path.Combine(RunningServer.ModelsFolder, "samples", "cifar10-test-00001-ship.png");
        var http = fixture.Running.Http;

        using var image = SKBitmap.Decode(path)
            .Resize(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Unpremul), new SKSamplingOptions(SKFilterMode.Linear));
        var pixels = new float[3 * 32 * 32];
        for (int i = 0; i < 32 * 32; i++)
        {
            var colour = image.GetPixel(i % 32, i / 32);
            (pixels[i], pixels[1024 + i], pixels[2048 + i]) = (colour.Red / 255f, colour.Green / 255f, colour.Blue / 255f);
        }
        using var response = await http.PostAsJsonAsync("/v2/models/cifar10-conv/infer", new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 3, 32, 32 }, datatype = "FP32", data = pixels } },
        });
        var answer = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        float[] logits = answer.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(v => v.GetSingle()).ToArray();
        string[] classes = fixture.Running.Repository.Find("cifar10-conv").Info.Classes.ToArray();
        string predicted = classes[Array.IndexOf(logits, logits.Max())];

        using var route = await http.PostAsync("/v2/models/cifar10-conv/predict", new ByteArrayContent(File.ReadAllBytes(path)));
        using var json = JsonDocument.Parse(await route.Content.ReadAsStringAsync());
        Assert.Equal(json.RootElement.GetProperty("top")[0].GetProperty("class").GetString(), predicted);
    }
}
