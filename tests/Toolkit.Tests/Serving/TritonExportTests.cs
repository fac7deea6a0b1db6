using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Serving.Triton;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary>export-triton writes a repository whose configs match the graphs and which serves the same answers as models/.</summary>
public sealed class TritonExportTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private string Repo => Path.Combine(_folder.Path, "repo");

    [Fact]
    public void EachConfigMatchesItsOnnxGraph()
    {
        var models = TritonExporter.Export(RunningServer.ModelsFolder, Repo, 32, 2000, "KIND_AUTO", overwrite: false);
        Assert.Equal(Directory.GetFiles(RunningServer.ModelsFolder, "*.onnx").Length, models.Count);

        foreach (string folder in Directory.GetDirectories(Repo))
        {
            string name = Path.GetFileName(folder);
            string config = File.ReadAllText(Path.Combine(folder, "config.pbtxt"));
            Assert.Contains($"name: \"{name}\"", config);
            Assert.Contains("platform: \"onnxruntime_onnx\"", config);
            Assert.Contains("max_batch_size: 32", config);

            using var session = new InferenceSession(Path.Combine(folder, "1", "model.onnx"));
            var declared = Tensors(config);
            var graph = session.InputMetadata.Concat(session.OutputMetadata)
                .Select(p => (p.Key, Type: "TYPE_" + TritonType(p.Value.ElementDataType), Dims: Batchless(p.Value.Dimensions)))
                .ToList();
            Assert.Equal(graph.Select(g => g.Key), declared.Select(d => d.Name));
            foreach (var (expected, actual) in graph.Zip(declared))
            {
                Assert.Equal(expected.Type, actual.Type);
                Assert.Equal(expected.Dims, actual.Dims);
            }
            if (name.StartsWith("cifar10"))
                Assert.Equal(10, File.ReadAllLines(Path.Combine(folder, "labels.txt")).Length);
        }
        Assert.True(File.Exists(Path.Combine(Repo, "cifar10-conv.grad", "1", "model.onnx")));
    }

    [Fact]
    public void ExportRefusesANonEmptyTargetWithoutForce()
    {
        Directory.CreateDirectory(Repo);
        File.WriteAllText(Path.Combine(Repo, "keep.txt"), "x");
        var error = Assert.Throws<IOException>(() => TritonExporter.Export(RunningServer.ModelsFolder, Repo, 32, 2000, "KIND_AUTO", overwrite: false));
        Assert.Contains("--force", error.Message);
        Assert.Equal("x", File.ReadAllText(Path.Combine(Repo, "keep.txt")));
    }

    [Fact]
    public async Task ServingTheExportGivesTheSameAnswersAsServingModels()
    {
        TritonExporter.Export(RunningServer.ModelsFolder, Repo, 32, 2000, "KIND_AUTO", overwrite: false);
        await using var original = await RunningServer.StartAsync(RunningServer.ModelsFolder);
        await using var exported = await RunningServer.StartAsync(Repo);
        Assert.Equal(original.Repository.Names, exported.Repository.Names);

        var pixels = Pixels(2, 3 * 32 * 32, seed: 21);
        foreach (string model in new[] { "cifar10-conv", "cifar10-logreg.grad" })
        {
            object request = model.EndsWith(".grad")
                ? new { inputs = new object[] { Input(pixels, [2, 3, 32, 32]), new { name = "label", shape = new[] { 2 }, datatype = "INT64", data = new[] { 1, 2 } } } }
                : new { inputs = new object[] { Input(pixels, [2, 3, 32, 32]) } };
            Assert.Equal(await InferAsync(original, model, request), await InferAsync(exported, model, request));
            Assert.Equal(await MetadataAsync(original, model), await MetadataAsync(exported, model));
        }
        var flat = Pixels(1, 2000, seed: 22);
        object topics = new { inputs = new object[] { Input(flat, [1, 2000]) } };
        Assert.Equal(await InferAsync(original, "topics-vae", topics), await InferAsync(exported, "topics-vae", topics));
    }

    private static object Input(float[] data, int[] shape) => new { name = "input", shape, datatype = "FP32", data };

    private static async Task<string> InferAsync(RunningServer server, string model, object request)
    {
        using var response = await server.Http.PostAsync($"/v2/models/{model}/infer", Json(request));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<string> MetadataAsync(RunningServer server, string model) => server.Http.GetStringAsync($"/v2/models/{model}");

    private static List<(string Name, string Type, long[] Dims)> Tensors(string config) =>
        Regex.Matches(config, @"name: ""(?<name>[^""]+)""\s+data_type: (?<type>\w+)\s+dims: \[ (?<dims>[^\]]*) \](?<reshape>\s+reshape: \{ shape: \[ \] \})?")
            .Select(m => (m.Groups["name"].Value, m.Groups["type"].Value,
                m.Groups["reshape"].Success ? [] : m.Groups["dims"].Value.Split(", ").Select(long.Parse).ToArray()))
            .ToList();

    private static long[] Batchless(int[] dims) => dims.Skip(1).Select(d => (long)d).ToArray();

    private static string TritonType(TensorElementType type) => type switch
    {
        TensorElementType.Float => "FP32",
        TensorElementType.Int64 => "INT64",
        _ => type.ToString().ToUpperInvariant(),
    };

    public void Dispose() => _folder.Dispose();
}
