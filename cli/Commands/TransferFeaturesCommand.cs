using Toolkit.Inference.Sessions;
using Toolkit.Inference.Transfer;
using Toolkit.Pipelines.Transfer;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Runs CIFAR-10 through the pretrained backbone and caches the pooled features in chunks, resuming an
/// interrupted run at the first missing chunk.
/// </summary>
public sealed class TransferFeaturesCommand : Command<TransferFeaturesCommand.Settings>
{
    public sealed class Settings : BackboneSettings
    {
        [CommandOption("--resolution <PIXELS>"), Description("Side the 32x32 images are resized to (bilinear) before the backbone. Default: 224, the backbone's training size.")]
        public int Resolution { get; init; } = 224;
        [CommandOption("--train-subset <N>"), Description("Use only the first N training images, class-balanced (N/10 per class). Default: all 50,000.")]
        public int? TrainSubset { get; init; }
        [CommandOption("--test-subset <N>"), Description("Use only the first N test images, class-balanced (for quick checks; accuracy on it is not the test accuracy). Default: all 10,000.")]
        public int? TestSubset { get; init; }
        [CommandOption("--train-jpeg-quality <Q>"), Description("Round-trip every training image through JPEG at this quality (1-100) before the backbone, as augmentation against JPEG-degraded test images. Default: off.")]
        public int? TrainJpegQuality { get; init; }
        [CommandOption("--splits <LIST>"), Description("Which splits to extract: train,test (default), train or test."), DefaultValue("train,test")]
        public string Splits { get; init; } = "train,test";
        [CommandOption("--out <DIR>"), Description("Feature folder. Default: runs/transfer/features-RESOLUTION.")]
        public string? Out { get; init; }
        [CommandOption("--batch <N>"), Description("Images per ONNX Runtime call. Default: 25.")]
        public int Batch { get; init; } = 25;
        [CommandOption("--device <DEVICE>"), Description("auto (CUDA if it loads, else CPU), cpu or cuda. Default: auto."), DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        public override ValidationResult Validate() =>
            Validation.Check(
                OptionRules.Range("--resolution", Resolution, 32, 1024),
                OptionRules.Range("--train-subset", TrainSubset, 10, 50_000),
                OptionRules.Range("--test-subset", TestSubset, 10, 10_000),
                OptionRules.Range("--train-jpeg-quality", TrainJpegQuality, 1, 100),
                OptionRules.Items(Splits) is { Length: > 0 } splits && splits.All(s => s is FeatureCache.Train or FeatureCache.Test)
                    ? null : "--splits takes train, test or train,test",
                OptionRules.Range("--batch", Batch, 1, 1024),
                OptionRules.Device(Device)) ?? ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string folder = settings.Out ?? FeatureExtraction.DefaultFolder(settings.Resolution);
        var request = new FeatureRequest(settings.BackbonePath, settings.PreprocessPath, settings.Resolution, settings.TrainSubset,
            settings.TestSubset, settings.TrainJpegQuality, OptionRules.Items(settings.Splits), folder, settings.Batch, ExecutionDeviceParser.Parse(settings.Device));
        var result = FeatureExtraction.Run(request, settings.Location, ProgressBar.Unless(settings.Json), cancellationToken);
        if (result.Notice is not null) Console.Error.WriteLine($"notice: {result.Notice}");
        if (settings.Json)
        {
            Json.Print(new { folder, settings.Resolution, settings.TrainSubset, result.Provider, result.Splits, result.ImagesPerSecond });
            return 0;
        }
        Tables.Print(result.Splits, ["split", "images", "computed", "reused", "seconds", "images/s"],
            r => [r.Split, r.Images.ToString("N0"), r.Computed.ToString("N0"), r.Reused.ToString("N0"), r.Seconds.ToString("F1"), r.ImagesPerSecond.ToString("F1")]);
        AnsiConsole.MarkupLine($"features in [bold]{Markup.Escape(folder)}[/]; throughput [bold]{result.ImagesPerSecond:F1} images/s[/] " +
            $"({result.Computed:N0} images computed in {result.Seconds:F0} s on {Markup.Escape(result.Provider)})");
        return 0;
    }
}
