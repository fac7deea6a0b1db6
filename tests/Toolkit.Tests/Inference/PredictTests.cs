using System.Text.Json;
using SkiaSharp;
using Toolkit.Inference;
using Toolkit.Inference.Images;
using Toolkit.Inference.Prediction;
using Toolkit.Inference.Sessions;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class PredictTests : IDisposable
{
    private static readonly SKColor Red = new(230, 20, 30);
    private static readonly SKColor Green = new(10, 200, 40);
    private static readonly SKColor Blue = new(20, 30, 220);

    private readonly TempFolder _folder = new();
    private readonly OnnxModel _model;

    public PredictTests() => _model = OnnxModel.Open(ColourModel.Write(_folder.Path), ExecutionDevice.Cpu);

    public static TheoryData<string, int, int> Formats() => new()
    {
        { "rgba-png", 1, 1 }, { "rgba-png", 97, 13 }, { "jpeg", 7, 300 }, { "jpeg", 64, 64 },
        { "bmp", 5, 3 }, { "bmp", 33, 31 }, { "palette-png", 2, 9 }, { "palette-png", 40, 40 },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void OddSizesAndColourTypesDecodeToTheRightClass(string format, int width, int height)
    {
        foreach (var (colour, expected) in new[] { (Red, "red"), (Green, "green"), (Blue, "blue") })
        {
            byte[] bytes = format switch
            {
                "rgba-png" => TestImages.Png(width, height, colour.WithAlpha(128)),
                "jpeg" => TestImages.Jpeg(width, height, colour),
                "bmp" => TestImages.Bmp(width, height, colour),
                _ => TestImages.PalettePng(width, height, colour),
            };
            var prediction = new Predictor(_model, 3).PredictImage($"{format}-{width}x{height}", bytes);
            Assert.Equal(expected, prediction.Top[0].Class);
            Assert.Equal(1.0, prediction.Top.Sum(c => c.Probability), 6);
        }
    }

    [Fact]
    public void GreyImageGivesEqualChannelsAtTheModelSize()
    {
        byte[] grey = TestImages.Png(11, 5, new SKColor(128, 128, 128), SKColorType.Gray8);
        using var bitmap = ImageDecoder.Decode(grey, "grey.png");
        float[] input = ImageTensor.ToInput(bitmap, _model.Info);

        Assert.Equal(3 * 32 * 32, input.Length);
        Assert.All(input, v => Assert.Equal(128 / 255f, v, 3));
    }

    [Fact]
    public void EmptyFileIsRefused() =>
        Assert.Contains("empty file", Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode([], "empty.png")).Message);

    [Fact]
    public void NonImageIsRefused()
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes("this is not an image at all, just some text");
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(text, "notes.png"));
        Assert.StartsWith("notes.png: not an image", error.Message);
    }

    [Fact]
    public void TruncatedPngIsRefused()
    {
        byte[] whole = TestImages.Png(64, 64, Red);
        byte[] truncated = whole[..(whole.Length / 2)];
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(truncated, "cut.png"));
        Assert.Contains("cut.png", error.Message);
    }

    [Fact]
    public void PredictCommandSkipsBadFilesAndReportsThemInItsExitCode()
    {
        string images = Directory.CreateDirectory(_folder.File("images")).FullName;
        File.WriteAllBytes(Path.Combine(images, "a-red.png"), TestImages.Png(50, 20, Red));
        File.WriteAllBytes(Path.Combine(images, "b-green.jpg"), TestImages.Jpeg(31, 31, Green));
        File.WriteAllBytes(Path.Combine(images, "c-blue.bmp"), TestImages.Bmp(8, 8, Blue));
        File.WriteAllBytes(Path.Combine(images, "d-broken.png"), TestImages.Png(64, 64, Red)[..40]);

        var result = ToolkitProcess.Run("predict", _model.Path, images, "--json", "--device", "cpu");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("d-broken.png", result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var predicted = json.RootElement.GetProperty("predictions").EnumerateArray()
            .Select(p => p.GetProperty("top")[0].GetProperty("class").GetString()).ToList();
        Assert.Equal(["red", "green", "blue"], predicted);
        Assert.Equal(1, json.RootElement.GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public void PredictCommandSucceedsWhenEveryImageReads()
    {
        string red = _folder.File("red.png");
        File.WriteAllBytes(red, TestImages.Png(32, 32, Red));
        var result = ToolkitProcess.Run("predict", _model.Path, red, "--device", "cpu");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("red", result.StandardOutput);
    }

    public void Dispose()
    {
        _model.Dispose();
        _folder.Dispose();
    }
}
