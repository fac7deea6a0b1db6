using System.Net;
using Toolkit.Serving;
using Toolkit.Serving.Inference;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary>A full model queue answers 503 with Retry-After at once; everything else is answered normally.</summary>
public sealed class BackPressureTests
{
    [Fact]
    public async Task FullQueueAnswers503WithRetryAfter()
    {
        await using var running = await RunningServer.StartAsync(RunningServer.ModelsFolder,
            new ServerOptions(Batching: new BatchingOptions(MaxBatch: 32, QueueLimit: 1)));
        var pixels = Pixels(32, 3 * 32 * 32, seed: 31);
        var header = new { inputs = new[] { new { name = "input", shape = new[] { 32, 3, 32, 32 }, datatype = "FP32", parameters = new { binary_data_size = pixels.Length * 4 } } } };
        byte[] body = Bytes(pixels);

        var responses = await Task.WhenAll(Enumerable.Range(0, 48).Select(_ => running.Http.PostAsync("/v2/models/cifar10-conv/infer", Binary(header, body))));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("1", r.Headers.GetValues("Retry-After").Single()));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await AssertError(refused[0], HttpStatusCode.ServiceUnavailable);
    }
}
