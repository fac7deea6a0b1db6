using System.Net;
using System.Text;
using System.Text.Json;
using Toolkit.Tests.Serving;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Web;

/// <summary>
/// The page's routes against the command line: the attack route's adversarial image is the PNG
/// <c>toolkit attack --image</c> writes; reconstructions and topic mixes are the numbers of <c>predict</c> and <c>topics infer</c>.
/// </summary>
public sealed class WebRouteTests(ModelsServerFixture fixture) : IClassFixture<ModelsServerFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private HttpClient Http => fixture.Running.Http;

    [Theory]
    [InlineData("cifar10-lenet", "cifar10-test-00000-cat.png", "fgsm", 0.05f, 10, null)]
    [InlineData("cifar10-lenet", "cifar10-test-00001-ship.png", "pgd", 0.02f, 5, null)]
    [InlineData("cifar10-mlp", "cifar10-test-00013-horse.png", "pgd", 0.03f, 4, "cat")]
    public async Task AdversarialImageEqualsTheCommandLinesPng(string model, string sample, string method, float eps, int steps, string? target)
    {
        string image = CliReference.Sample(sample);
        var expected = CliReference.Attack(model, image, method, eps, steps, target, _folder.Path);

        using var response = await Http.PostAsync($"/v2/models/{model}/attack", Json(new
        {
            image = Convert.ToBase64String(File.ReadAllBytes(image)), method, eps, steps, target,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = answer.RootElement;

        Assert.Equal(expected.Pixels, CliReference.Pixels(Convert.FromBase64String(root.GetProperty("adversarial").GetString()!)));
        Assert.Equal(expected.Before, root.GetProperty("before")[0].GetProperty("class").GetString());
        Assert.Equal(expected.After, root.GetProperty("after")[0].GetProperty("class").GetString());
        Assert.InRange(root.GetProperty("linf").GetDouble(), 0, eps + 0.5 / 255);
    }

    [Fact]
    public async Task FgsmAtFiveHundredthsFlipsTheCatSample()
    {
        string image = Convert.ToBase64String(File.ReadAllBytes(CliReference.Sample("cifar10-test-00000-cat.png")));
        using var clean = JsonDocument.Parse(await (await Http.PostAsync("/v2/models/cifar10-lenet/attack", Json(new { image, eps = 0f }))).Content.ReadAsStringAsync());
        using var attacked = JsonDocument.Parse(await (await Http.PostAsync("/v2/models/cifar10-lenet/attack", Json(new { image, eps = 0.05f }))).Content.ReadAsStringAsync());
        Assert.Equal("cat", clean.RootElement.GetProperty("after")[0].GetProperty("class").GetString());
        Assert.NotEqual("cat", attacked.RootElement.GetProperty("after")[0].GetProperty("class").GetString());
    }

    [Theory]
    [InlineData("cifar10-lenet", "{\"image\": \"AA==\", \"eps\": 0.1}", "not an image")]
    [InlineData("cifar10-lenet", "{\"eps\": 0.1}", "no \"image\"")]
    [InlineData("cifar10-lenet", "{\"image\": \"%%%\", \"eps\": 0.1}", "not base64")]
    [InlineData("cifar10-lenet", "{\"image\": \"AA==\", \"eps\": 2}", "expected 0 to 1")]
    [InlineData("cifar10-lenet", "{\"image\": \"AA==\", \"eps\": 0.1, \"steps\": 0}", "expected 1 to 1000")]
    [InlineData("cifar10-lenet", "not json", "invalid JSON")]
    [InlineData("mnist-pca-k32", "{\"image\": \"AA==\", \"eps\": 0.1}", "not a classifier")]
    public async Task BadAttackRequestsAreJson400s(string model, string body, string expected)
    {
        using var response = await Http.PostAsync($"/v2/models/{model}/attack", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Contains(expected, await AssertError(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task BadTargetOrMethodIsA400NamingTheChoices()
    {
        string image = Convert.ToBase64String(File.ReadAllBytes(CliReference.Sample("cifar10-test-00000-cat.png")));
        using var target = await Http.PostAsync("/v2/models/cifar10-lenet/attack", Json(new { image, eps = 0.01f, target = "unicorn" }));
        Assert.Contains("airplane, automobile", await AssertError(target, HttpStatusCode.BadRequest));
        using var method = await Http.PostAsync("/v2/models/cifar10-lenet/attack", Json(new { image, eps = 0.01f, method = "cw" }));
        Assert.Contains("expected fgsm or pgd", await AssertError(method, HttpStatusCode.BadRequest));
        using var unknown = await Http.PostAsync("/v2/models/nope/attack", Json(new { image, eps = 0.01f }));
        await AssertError(unknown, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("mnist-pca-k32", "digit-7-test0.png")]
    [InlineData("mnist-ae-relu-h64", "digit-3-test18.png")]
    public async Task ReconstructionMseEqualsPredict(string model, string sample)
    {
        string image = CliReference.Sample("mnist/" + sample);
        double expected = CliReference.ReconstructionMse(model, image, _folder.Path);
        using var response = await Http.PostAsync($"/v2/models/{model}/reconstruct", new ByteArrayContent(File.ReadAllBytes(image)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, answer.RootElement.GetProperty("mse").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task TopicMixEqualsTopicsInfer()
    {
        string document = Path.Combine(RunningServer.RepositoryRoot(), "docs", "examples", "topics-doc.txt");
        var expected = CliReference.Topics("topics-vae", document, 5);
        using var response = await Http.PostAsync("/v2/models/topics-vae/topics", new ByteArrayContent(File.ReadAllBytes(document)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var actual = answer.RootElement.GetProperty("topics").EnumerateArray().Take(5)
            .Select(t => (t.GetProperty("topic").GetInt32(), t.GetProperty("proportion").GetDouble())).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task PageAndItsFilesAreServedFromTheAssembly()
    {
        using var page = await Http.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/web/app.js", html);
        Assert.DoesNotContain("https://", html);
        using var script = await Http.GetAsync("/web/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var missing = await Http.GetAsync("/web/secret.txt");
        await AssertError(missing, HttpStatusCode.NotFound);
        using var escape = await Http.GetAsync("/web/api/samples/..%2F..%2FREADME.md");
        await AssertError(escape, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ModelListHasCardsWithoutLocalPathsAndMarksAttackableClassifiers()
    {
        using var answer = JsonDocument.Parse(await Http.GetStringAsync("/web/api/models"));
        var models = answer.RootElement.EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.DoesNotContain(models.Keys, name => name.EndsWith(".grad"));
        Assert.True(models["cifar10-lenet"].GetProperty("attack").GetBoolean());
        Assert.False(models["mnist-pca-k32"].GetProperty("attack").GetBoolean());
        Assert.Equal("topics", models["topics-vae"].GetProperty("task").GetString());

        var card = models["cifar10-lenet"].GetProperty("card");
        Assert.Equal(0.6961, card.GetProperty("metrics").GetProperty("test_accuracy").GetDouble());
        string command = card.GetProperty("command").GetString()!;
        Assert.StartsWith("toolkit train cifar10", command);
        Assert.DoesNotContain(" /", command);
        Assert.DoesNotContain(RunningServer.RepositoryRoot(), answer.RootElement.GetRawText());
    }

    public void Dispose() => _folder.Dispose();
}
