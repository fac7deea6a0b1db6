using System.Text.Json;
using SkiaSharp;
using Toolkit.Tests.Serving;
using Xunit;

namespace Toolkit.Tests.Web;

/// <summary>What the command line answers for the same inputs the server and page get: the reference they must equal.</summary>
public static class CliReference
{
    public static string Model(string name) => Path.Combine(RunningServer.ModelsFolder, name + ".onnx");

    public static string Sample(string name) => Path.Combine(RunningServer.ModelsFolder, "samples", name);

    public static JsonElement Json(params string[] arguments)
    {
        var result = ToolkitProcess.Run([.. arguments, "--json"]);
        Assert.True(result.ExitCode == 0, $"toolkit {string.Join(' ', arguments)}: {result.StandardError}");
        using var document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary><c>toolkit predict</c>'s top class for one image.</summary>
    public static string TopClass(string model, string image) =>
        Json("predict", Model(model), image, "--device", "cpu").GetProperty("predictions")[0].GetProperty("top")[0].GetProperty("class").GetString()!;

    /// <summary><c>toolkit attack --image</c>: the classes before and after, and the adversarial PNG's RGBA pixels.</summary>
    public static (string Before, string After, byte[] Pixels) Attack(string model, string image, string method, float eps, int steps, string? target, string folder)
    {
        string output = Path.Combine(folder, $"adv-{Guid.NewGuid():N}.png");
        string[] arguments = ["attack", Model(model), "--image", image, "--method", method, "--eps", eps.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            "--steps", steps.ToString(), "--out", output, "--device", "cpu"];
        if (target is not null) arguments = [.. arguments, "--targeted", target];
        var answer = Json(arguments);
        return (TopOf(answer.GetProperty("before")), TopOf(answer.GetProperty("after")), Pixels(File.ReadAllBytes(output)));
    }

    /// <summary>The mean squared error <c>toolkit predict</c> reports for a reconstruction model and one image.</summary>
    public static double ReconstructionMse(string model, string image, string folder) =>
        Json("predict", Model(model), image, "--out", Path.Combine(folder, $"{model}.recon.png"), "--device", "cpu")
            .GetProperty("reconstructions")[0].GetProperty("mse").GetDouble();

    /// <summary><c>toolkit topics infer</c>: (topic, proportion) of the largest <paramref name="top"/> topics.</summary>
    public static IReadOnlyList<(int Topic, double Proportion)> Topics(string model, string document, int top) =>
        Json("topics", "infer", Model(model), document, "--top", top.ToString()).GetProperty("topics").EnumerateArray()
            .Select(t => (t.GetProperty("topic").GetInt32(), t.GetProperty("proportion").GetDouble())).ToList();

    public static byte[] Pixels(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException("not a PNG");
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        return rgba.GetPixelSpan().ToArray();
    }

    private static string TopOf(JsonElement prediction) => prediction.GetProperty("top")[0].GetProperty("class").GetString()!;
}
