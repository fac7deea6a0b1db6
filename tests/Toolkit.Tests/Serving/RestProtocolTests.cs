using System.Net;
using System.Text.Json;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Sessions;
using Toolkit.Serving.Rest;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary>The Open Inference Protocol's REST routes over the committed models/ folder, with the specification's field names.</summary>
public sealed class RestProtocolTests(ModelsServerFixture fixture) : IClassFixture<ModelsServerFixture>
{
    private const string Classifier = "cifar10-conv";
    private const int ImageSize = 3 * 32 * 32;
    private HttpClient Http => fixture.Running.Http;

    [Fact]
    public async Task ServerMetadataAndHealthAnswer()
    {
        using var server = JsonDocument.Parse(await Http.GetStringAsync("/v2"));
        Assert.Equal("toolkit", server.RootElement.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(server.RootElement.GetProperty("version").GetString()));
        var extensions = server.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("binary_tensor_data", extensions);
        Assert.Contains("model_configuration", extensions);

        using var live = await Http.GetAsync("/v2/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await Http.GetAsync("/v2/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("ready").GetBoolean());
    }

    [Theory]
    [InlineData("/v2/models/cifar10-conv")]
    [InlineData("/v2/models/cifar10-conv/versions/1")]
    public async Task ModelMetadataDescribesTheGraph(string route)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(route));
        var root = json.RootElement;
        Assert.Equal(Classifier, root.GetProperty("name").GetString());
        Assert.Equal(["1"], root.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("onnxruntime_onnx", root.GetProperty("platform").GetString());
        var input = root.GetProperty("inputs")[0];
        Assert.Equal("input", input.GetProperty("name").GetString());
        Assert.Equal("FP32", input.GetProperty("datatype").GetString());
        Assert.Equal([-1L, 3, 32, 32], input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        var output = root.GetProperty("outputs")[0];
        Assert.Equal("logits", output.GetProperty("name").GetString());
        Assert.Equal([-1L, 10], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
    }

    [Fact]
    public async Task EveryModelOfTheFolderIsListedWithItsGradientGraphs()
    {
        var names = fixture.Running.Repository.Names;
        foreach (string file in Directory.GetFiles(RunningServer.ModelsFolder, "*.onnx"))
            Assert.Contains(Path.GetFileName(file)[..^".onnx".Length], names);
        using var grad = JsonDocument.Parse(await Http.GetStringAsync("/v2/models/cifar10-conv.grad"));
        Assert.Equal(["input", "label"], grad.RootElement.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("INT64", grad.RootElement.GetProperty("inputs")[1].GetProperty("datatype").GetString());
    }

    [Fact]
    public async Task ModelReadyAndConfigAnswer()
    {
        using var ready = await Http.GetAsync("/v2/models/cifar10-conv/versions/1/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("ready").GetBoolean());

        using var config = JsonDocument.Parse(await Http.GetStringAsync("/v2/models/cifar10-conv/config"));
        var root = config.RootElement;
        Assert.Equal(Classifier, root.GetProperty("name").GetString());
        Assert.Equal("onnxruntime_onnx", root.GetProperty("platform").GetString());
        Assert.Equal(32, root.GetProperty("max_batch_size").GetInt32());
        Assert.Equal("TYPE_FP32", root.GetProperty("input")[0].GetProperty("data_type").GetString());
        Assert.Equal([3L, 32, 32], root.GetProperty("input")[0].GetProperty("dims").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal("labels.txt", root.GetProperty("output")[0].GetProperty("label_filename").GetString());
        Assert.True(root.GetProperty("dynamic_batching").GetProperty("max_queue_delay_microseconds").GetInt64() > 0);
    }

    [Fact]
    public async Task JsonInferMatchesOnnxRuntimeAndEchoesTheId()
    {
        var pixels = Pixels(1, ImageSize, seed: 1);
        using var response = await Http.PostAsync("/v2/models/cifar10-conv/infer", Json(new
        {
            id = "request-7",
            inputs = new[] { new { name = "input", shape = new[] { 1, 3, 32, 32 }, datatype = "FP32", data = pixels } },
            outputs = new[] { new { name = "logits" } },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(Classifier, root.GetProperty("model_name").GetString());
        Assert.Equal("1", root.GetProperty("model_version").GetString());
        Assert.Equal("request-7", root.GetProperty("id").GetString());
        var output = root.GetProperty("outputs")[0];
        Assert.Equal("logits", output.GetProperty("name").GetString());
        Assert.Equal("FP32", output.GetProperty("datatype").GetString());
        Assert.Equal([1L, 10], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        AssertClose(Reference(Classifier, pixels, 1), DataOf(output));
    }

    [Fact]
    public async Task NestedJsonDataIsReadRowMajor()
    {
        var pixels = Pixels(1, 784, seed: 2);
        var nested = Enumerable.Range(0, 28).Select(r => pixels.Skip(r * 28).Take(28).ToArray()).ToArray();
        using var response = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP32", data = new[] { nested } } },
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertClose(Reference("mnist-pca-k32", pixels, 1), DataOf(json.RootElement.GetProperty("outputs")[0]));
    }

    [Fact]
    public async Task GzipCompressedRequestIsRead()
    {
        var pixels = Pixels(1, 784, seed: 6);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(new { inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP32", data = pixels } } });
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(json);
        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await Http.PostAsync("/v2/models/mnist-pca-k64/infer", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertClose(Reference("mnist-pca-k64", pixels, 1), DataOf(answer.RootElement.GetProperty("outputs")[0]));
    }

    [Fact]
    public async Task BinaryBatchOfFourMatchesOnnxRuntime()
    {
        var pixels = Pixels(4, ImageSize, seed: 3);
        var header = new
        {
            inputs = new[] { new { name = "input", shape = new[] { 4, 3, 32, 32 }, datatype = "FP32", parameters = new { binary_data_size = pixels.Length * 4 } } },
            outputs = new[] { new { name = "logits", parameters = new { binary_data = true } } },
        };
        using var response = await Http.PostAsync("/v2/models/cifar10-conv/infer", Binary(header, Bytes(pixels)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var (json, binary) = await ReadBinaryAsync(response);
        var output = json.RootElement.GetProperty("outputs")[0];
        Assert.Equal([4L, 10], output.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
        Assert.Equal(4 * 10 * 4, output.GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.False(output.TryGetProperty("data", out _));
        AssertClose(Reference(Classifier, pixels, 4), Floats(binary));
    }

    [Fact]
    public async Task BinaryDataOutputAppliesToEveryOutput()
    {
        var pixels = Pixels(2, 784, seed: 4);
        var header = new
        {
            parameters = new { binary_data_output = true },
            inputs = new[] { new { name = "input", shape = new[] { 2, 784 }, datatype = "FP32", parameters = new { binary_data_size = pixels.Length * 4 } } },
        };
        using var response = await Http.PostAsync("/v2/models/mnist-ae-relu-h32/infer", Binary(header, Bytes(pixels)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (json, binary) = await ReadBinaryAsync(response);
        Assert.Equal(2 * 784 * 4, json.RootElement.GetProperty("outputs")[0].GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        AssertClose(Reference("mnist-ae-relu-h32", pixels, 2), Floats(binary));
    }

    [Fact]
    public async Task GradientGraphGivesTheInputGradientAttacksUse()
    {
        var pixels = Pixels(2, ImageSize, seed: 5);
        long[] labels = [3, 7];
        var header = new
        {
            inputs = new object[]
            {
                new { name = "input", shape = new[] { 2, 3, 32, 32 }, datatype = "FP32", parameters = new { binary_data_size = pixels.Length * 4 } },
                new { name = "label", shape = new[] { 2 }, datatype = "INT64", data = labels },
            },
            outputs = new[] { new { name = "input_grad", parameters = new { binary_data = true } } },
        };
        using var response = await Http.PostAsync("/v2/models/cifar10-conv.grad/infer", Binary(header, Bytes(pixels)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, binary) = await ReadBinaryAsync(response);

        using var gradientModel = GradientModel.Open(Path.Combine(RunningServer.ModelsFolder, "cifar10-conv.grad.onnx"), ExecutionDevice.Cpu);
        var expected = new InputGradients(gradientModel, 2).At(pixels, labels, 2).ToArray();
        Assert.Contains(expected, g => g != 0);
        AssertClose(expected, Floats(binary));
    }

    [Theory]
    [InlineData("/v2/models/no-such-model/infer", HttpStatusCode.NotFound)]
    [InlineData("/v2/models/cifar10-conv/versions/2/infer", HttpStatusCode.NotFound)]
    [InlineData("/v2/models/..%2F..%2Fetc%2Fpasswd/infer", HttpStatusCode.NotFound)]
    public async Task UnknownModelsAndVersionsAre404(string route, HttpStatusCode expected)
    {
        using var response = await Http.PostAsync(route, Json(new { inputs = new[] { new { name = "input", shape = new[] { 1, 2 }, datatype = "FP32", data = new[] { 0f, 0f } } } }));
        await AssertError(response, expected);
        using var metadata = await Http.GetAsync(route[..^"/infer".Length]);
        await AssertError(metadata, expected);
    }

    [Fact]
    public async Task WrongDatatypeIs400()
    {
        using var response = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP64", data = new double[784] } },
        }));
        Assert.Contains("FP64", await AssertError(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task ShapeAndByteCountMismatchesAre400()
    {
        using var shape = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 783 }, datatype = "FP32", data = new float[783] } },
        }));
        Assert.Contains("shape", await AssertError(shape, HttpStatusCode.BadRequest));

        using var count = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP32", data = new float[700] } },
        }));
        Assert.Contains("784", await AssertError(count, HttpStatusCode.BadRequest));

        using var huge = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 2_000_000_000L, 2_000_000_000L, 784L }, datatype = "FP32", data = new float[4] } },
        }));
        await AssertError(huge, HttpStatusCode.BadRequest);

        var header = new { inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP32", parameters = new { binary_data_size = 100 } } } };
        using var bytes = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Binary(header, new byte[100]));
        Assert.Contains("bytes", await AssertError(bytes, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task MalformedJsonAndUnknownOutputAre400()
    {
        using var malformed = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", new StringContent("{\"inputs\": [", System.Text.Encoding.UTF8, "application/json"));
        Assert.Contains("JSON", await AssertError(malformed, HttpStatusCode.BadRequest));

        using var output = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", Json(new
        {
            inputs = new[] { new { name = "input", shape = new[] { 1, 784 }, datatype = "FP32", data = new float[784] } },
            outputs = new[] { new { name = "nope" } },
        }));
        Assert.Contains("nope", await AssertError(output, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task OversizedBodyIs413()
    {
        using var response = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", new ByteArrayContent(new byte[256 * 1024 + 1]));
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task CompressedBodyOverTheLimitOnceDecompressedIs413()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(new byte[4 * 1024 * 1024]);
        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await Http.PostAsync("/v2/models/mnist-pca-k32/infer", content);
        await AssertError(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task MetricsCountRequestsByModelRouteAndStatus()
    {
        using var _ = await Http.GetAsync("/v2/models/cifar10-lenet");
        string metrics = await Http.GetStringAsync("/metrics");
        Assert.Contains("toolkit_requests_total{model=\"cifar10-lenet\",route=\"/v2/models/{name}\",status=\"200\"}", metrics);
        Assert.Contains("toolkit_request_duration_seconds_bucket", metrics);
        Assert.Contains("toolkit_batch_size", metrics);
        Assert.Contains("toolkit_queue_depth", metrics);
    }

    private static float[] Reference(string model, float[] pixels, int count)
    {
        using var onnx = OnnxModel.Open(Path.Combine(RunningServer.ModelsFolder, model + ".onnx"), ExecutionDevice.Cpu);
        return onnx.Run(pixels, count);
    }

}
