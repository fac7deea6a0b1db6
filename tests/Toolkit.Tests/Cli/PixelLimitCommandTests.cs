using Toolkit.Inference.Images;
using Xunit;

namespace Toolkit.Tests.Cli;

/// <summary>Images are refused by the size their header declares, before decoding, with one line; a folder run goes on.</summary>
[Collection(BadInputCollection.Name)]
public sealed class PixelLimitCommandTests(BadInputs inputs)
{
    private const string Model = "models/cifar10-logreg.onnx";

    public static readonly BadInputCase[] Cases =
    [
        new("predict a 20000x20000 PNG", ["predict", Model, "images/huge-20000.png", "--device", "cpu"], 1,
            "images/huge-20000.png", "20000x20000 pixels", "50,000,000 pixels", "--max-pixels"),
        new("predict a 40000x40000 PNG", ["predict", Model, "images/huge-40000.png", "--device", "cpu"], 1,
            "images/huge-40000.png", "40000x40000 pixels", "--max-pixels"),
        new("predict under a lowered --max-pixels", ["predict", Model, "images/grey-100.png", "--max-pixels", "5000", "--device", "cpu"], 1,
            "images/grey-100.png", "100x100 pixels", "5,000 pixels", "--max-pixels"),
        new("attack --image a 40000x40000 PNG", ["attack", Model, "--image", "images/huge-40000.png", "--out", "adversarial.png", "--device", "cpu"], 1,
            "images/huge-40000.png", "40000x40000 pixels", "--max-pixels"),
        new("predict a folder with a huge PNG", ["predict", Model, "mixed", "--device", "cpu"], 1,
            "mixed/huge-40000.png", "40000x40000 pixels"),
    ];

    public static TheoryData<string> Names => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void OversizedImageIsOneLineAndChangesNothing(string name) =>
        inputs.AssertOneLineError(Cases.Single(c => c.Name == name));

    [Fact]
    public void FolderRunStillPredictsTheOtherImages()
    {
        var run = inputs.Run(Cases.Single(c => c.Name == "predict a folder with a huge PNG"));

        Assert.Contains("ship.png", run.Result.StandardOutput);
        Assert.DoesNotContain("huge-40000.png", run.Result.StandardOutput);
    }

    [Fact]
    public void RaisedCapDecodesTheImage()
    {
        var result = ToolkitProcess.RunIn(inputs.Root, "predict", Model, "images/grey-100.png", "--max-pixels", "10000", "--device", "cpu");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("grey-100.png", result.StandardOutput);
    }

    [Fact]
    public void HeaderDimensionsAreReadWithoutDecoding()
    {
        byte[] bytes = File.ReadAllBytes(inputs.File("images/huge-40000.png"));

        Assert.Equal((40_000, 40_000), ImageDecoder.ReadDimensions(bytes));
        var error = Assert.Throws<ImageTooLargeException>(() => ImageDecoder.Decode(bytes, "huge.png"));
        Assert.Equal(ImageDecoder.DefaultMaxPixels, error.MaxPixels);
        Assert.Throws<ImageDecodeException>(() => ImageDecoder.ReadDimensions("not an image"u8));
    }
}
