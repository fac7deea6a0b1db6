using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SkiaSharp;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;
using Toolkit.Serving;
using Toolkit.Serving.Repository;
using Xunit;

namespace Toolkit.Tests.Inference;

/// <summary>A real server on 127.0.0.1 (a free port) and real HTTP requests.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private const long Limit = 64 * 1024;
    private readonly TempFolder _folder = new();
    private ModelRepository _repository = null!;
    private ModelServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _repository = ModelRepository.Open(ColourModel.Write(_folder.Path), ExecutionDevice.Cpu);
        _server = new ModelServer(_repository, new ServerOptions("127.0.0.1", 0, GrpcPort: null, MaxRequestBytes: Limit, Top: 2));
        await _server.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_server.Address), Timeout = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task HealthAndModelDescribeTheServedModel()
    {
        using var health = JsonDocument.Parse(await _client.GetStringAsync("/health"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());

        using var model = JsonDocument.Parse(await _client.GetStringAsync("/model"));
        Assert.Equal("classification", model.RootElement.GetProperty("task").GetString());
        Assert.Equal(3, model.RootElement.GetProperty("classes").GetArrayLength());
    }

    [Fact]
    public async Task RawImageBytesArePredicted()
    {
        using var response = await _client.PostAsync("/predict", new ByteArrayContent(TestImages.Png(20, 20, new SKColor(0, 0, 250))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var top = json.RootElement.GetProperty("top");
        Assert.Equal(2, top.GetArrayLength());
        Assert.Equal("blue", top[0].GetProperty("class").GetString());
    }

    [Fact]
    public async Task RawBytesLabelledAsUrlEncodedArePredicted()
    {
        // What curl --data-binary @image.png sends.
        var content = new ByteArrayContent(TestImages.Png(12, 12, new SKColor(250, 0, 0)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await _client.PostAsync("/predict", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("red", json.RootElement.GetProperty("top")[0].GetProperty("class").GetString());
    }

    [Fact]
    public async Task MultipartFileIsPredicted()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Jpeg(40, 30, new SKColor(0, 240, 0)));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "image", "green.jpg");

        using var response = await _client.PostAsync("/predict?top=1", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("green", json.RootElement.GetProperty("top")[0].GetProperty("class").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("top").GetArrayLength());
    }

    [Fact]
    public async Task ConcurrentRequestsAllGetTheirOwnAnswer()
    {
        var colours = new[] { ("red", new SKColor(250, 0, 0)), ("green", new SKColor(0, 250, 0)), ("blue", new SKColor(0, 0, 250)) };
        var requests = Enumerable.Range(0, 48).Select(async i =>
        {
            var (expected, colour) = colours[i % 3];
            using var response = await _client.PostAsync("/predict", new ByteArrayContent(TestImages.Png(8 + i, 8, colour)));
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (expected, actual: json.RootElement.GetProperty("top")[0].GetProperty("class").GetString());
        });

        var answers = await Task.WhenAll(requests);
        Assert.All(answers, a => Assert.Equal(a.expected, a.actual));
    }

    [Fact]
    public async Task OversizedBodyGets413AsJson()
    {
        using var response = await _client.PostAsync("/predict", new ByteArrayContent(new byte[Limit + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("limit", json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task CorruptOrEmptyImageGets400AsJson()
    {
        foreach (var body in new[] { "not an image"u8.ToArray(), Array.Empty<byte>() })
        {
            using var response = await _client.PostAsync("/predict", new ByteArrayContent(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("error").GetString()));
        }
    }

    [Fact]
    public async Task UnknownRouteGets404AsJson()
    {
        using var response = await _client.GetAsync("/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("/predict", json.RootElement.GetProperty("error").GetString());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _repository.Dispose();
        _folder.Dispose();
    }
}
