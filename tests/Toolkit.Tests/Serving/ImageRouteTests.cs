using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;
using Toolkit.Serving;
using Toolkit.Serving.Images;
using Toolkit.Tests.Inference;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary>The image routes: classification of uploaded images, pixel caps, decode memory bounds, malformed bodies.</summary>
public sealed class ImageRouteTests(ModelsServerFixture fixture) : IClassFixture<ModelsServerFixture>
{
    private HttpClient Http => fixture.Running.Http;

    [Fact]
    public async Task PredictAndPerModelPredictClassifyImages()
    {
        byte[] image = File.ReadAllBytes(Directory.GetFiles(Path.Combine(RunningServer.ModelsFolder, "samples")).First(f => f.EndsWith(".png")));
        using var plain = await Http.PostAsync("/predict?top=3", new ByteArrayContent(image));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        using var plainJson = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        Assert.Equal(3, plainJson.RootElement.GetProperty("top").GetArrayLength());

        using var named = await Http.PostAsync("/v2/models/cifar10-lenet/predict", new ByteArrayContent(image));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        using var namedJson = JsonDocument.Parse(await named.Content.ReadAsStringAsync());
        Assert.Equal("cifar10-lenet", namedJson.RootElement.GetProperty("model").GetString());
        Assert.InRange(namedJson.RootElement.GetProperty("top")[0].GetProperty("probability").GetDouble(), 0.1, 1.0);
    }

    [Fact]
    public async Task ImageOverThePixelCapIs413BeforeDecoding()
    {
        using var response = await Http.PostAsync("/predict", new ByteArrayContent(LargePng.Write(20000, 20000)));
        Assert.Contains("20000x20000", await AssertError(response, HttpStatusCode.RequestEntityTooLarge));
    }

    [Fact]
    public async Task LargeImagesInParallelAreRefusedWhileSmallOnesAreAnswered()
    {
        byte[] large = LargePng.Write(20000, 20000);
        byte[] small = TestImages.Png(32, 32, new SKColor(200, 10, 10));
        var largeRequests = Enumerable.Range(0, 8).Select(_ => Http.PostAsync("/predict", new ByteArrayContent(large))).ToList();
        var smallRequests = Enumerable.Range(0, 8).Select(_ => Http.PostAsync("/predict", new ByteArrayContent(small))).ToList();

        foreach (var response in await Task.WhenAll(largeRequests)) Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        foreach (var response in await Task.WhenAll(smallRequests)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "garbage without parts")]
    [InlineData("multipart/form-data", "--xyz\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc\r\n--xyz--\r\n")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.png\"\r\n\r\nnot an image\r\n--xyz--\r\n")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n--xyz--\r\n")]
    public async Task MalformedMultipartIs400WithJson(string contentType, string body)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.PostAsync("/predict", content);
        await AssertError(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ModelCardHasNoLocalPaths()
    {
        string card = await Http.GetStringAsync("/model");
        Assert.Contains("classification", card);
        Assert.DoesNotContain("command", card);
        Assert.DoesNotContain("/work/", card);
        Assert.DoesNotContain("--data", card);
        string metadata = await Http.GetStringAsync("/v2/models/cifar10-conv");
        Assert.DoesNotContain(RunningServer.ModelsFolder, metadata);
        Assert.DoesNotContain(".onnx", metadata);
    }

    [Fact]
    public async Task DecodeBudgetMakesLargeDecodesWaitForEachOther()
    {
        var budget = new DecodeBudget(100);
        var first = await budget.ReserveAsync(70, CancellationToken.None);
        var second = budget.ReserveAsync(70, CancellationToken.None);
        var small = await budget.ReserveAsync(30, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        small.Dispose();
        await Assert.ThrowsAsync<PixelLimitException>(() => budget.ReserveAsync(101, CancellationToken.None));
    }
}
