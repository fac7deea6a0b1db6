using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
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
        [CommandOption("--resolution <PIXELS>")]
        [Description("Side the 32x32 images are resized to (bilinear) before the backbone. Default: 224, the backbone's training size.")]
        public int Resolution { get; init; } = 224;

        [CommandOption("--train-subset <N>")]
        [Description("Use only the first N training images, class-balanced (N/10 per class). Default: all 50,000.")]
        public int? TrainSubset { get; init; }

        [CommandOption("--test-subset <N>")]
        [Description("Use only the first N test images, class-balanced (for quick checks; accuracy on it is not the test accuracy). Default: all 10,000.")]
        public int? TestSubset { get; init; }

        [CommandOption("--train-jpeg-quality <Q>")]
        [Description("Round-trip every training image through JPEG at this quality (1-100) before the backbone, as augmentation against JPEG-degraded test images. Default: off.")]
        public int? TrainJpegQuality { get; init; }

        [CommandOption("--splits <LIST>")]
        [Description("Which splits to extract: train,test (default), train or test.")]
        [DefaultValue("train,test")]
        public string Splits { get; init; } = "train,test";

        public IReadOnlyList<string> SplitList => Splits.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        [CommandOption("--out <DIR>")]
        [Description("Feature folder. Default: runs/transfer/features-RESOLUTION.")]
        public string? Out { get; init; }



        [CommandOption("--batch <N>")]
        [Description("Images per ONNX Runtime call. Default: 25.")]
        public int Batch { get; init; } = 25;

        [CommandOption("--device <DEVICE>")]
        [Description("auto (CUDA if it loads, else CPU), cpu or cuda. Default: auto.")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        public string OutFolder => Out ?? Path.Combine("runs", "transfer", $"features-{Resolution}");

        public override ValidationResult Validate()
        {
            if (Resolution is < 32 or > 1024) return ValidationResult.Error("--resolution must be 32 to 1024");
            if (TrainSubset is < 10 or > 50_000) return ValidationResult.Error("--train-subset must be 10 to 50000");
            if (TestSubset is < 10 or > 10_000) return ValidationResult.Error("--test-subset must be 10 to 10000");
            if (TrainJpegQuality is < 1 or > 100) return ValidationResult.Error("--train-jpeg-quality must be 1 to 100");
            if (SplitList.Count == 0 || SplitList.Any(s => s is not (FeatureCache.Train or FeatureCache.Test)))
                return ValidationResult.Error("--splits takes train, test or train,test");
            if (Batch is < 1 or > 1024) return ValidationResult.Error("--batch must be 1 to 1024");
            try
            {
                ExecutionDeviceParser.Parse(Device);
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var request = new FeatureRequest(settings.BackbonePath, settings.PreprocessPath, settings.Resolution, settings.TrainSubset,
            settings.TestSubset, settings.TrainJpegQuality, settings.SplitList, settings.OutFolder, settings.Batch,
            ExecutionDeviceParser.Parse(settings.Device));
        var (reports, provider, notice) = FeatureExtraction.Run(request, settings.Location,
            (description, images, fill) => Progress.Run(description, images, progress => fill(progress.Report), settings.Json), cancellationToken);
        if (notice is not null) Console.Error.WriteLine($"notice: {notice}");

        int computed = reports.Sum(r => r.Computed);
        double seconds = reports.Sum(r => r.Seconds);
        double throughput = seconds > 0 ? Math.Round(computed / seconds, 2) : 0;
        if (settings.Json)
        {
            Json.Print(new { folder = settings.OutFolder, settings.Resolution, settings.TrainSubset, provider, splits = reports, imagesPerSecond = throughput });
            return 0;
        }
        var table = new Table().AddColumns("split", "images", "computed", "reused", "seconds", "images/s");
        foreach (var r in reports)
            table.AddRow(r.Split, r.Images.ToString("N0"), r.Computed.ToString("N0"), r.Reused.ToString("N0"), r.Seconds.ToString("F1"), r.ImagesPerSecond.ToString("F1"));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"features in [bold]{Markup.Escape(settings.OutFolder)}[/]; throughput [bold]{throughput:F1} images/s[/] " +
            $"({computed:N0} images computed in {seconds:F0} s on {Markup.Escape(provider)})");
        return 0;
    }
}
