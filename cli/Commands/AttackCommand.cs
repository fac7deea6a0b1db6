using Toolkit.Inference.Attacks;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Toolkit.Pipelines.Attacks;

namespace Toolkit.Cli.Commands;

/// <summary><c>toolkit attack</c>: FGSM or PGD against a data set (report, plots, example grid) or one image (the adversarial PNG).</summary>
public sealed class AttackCommand : Command<AttackCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--method <METHOD>"), Description("fgsm, pgd, or fgsm,pgd to compare both. Default: fgsm."), DefaultValue("fgsm")]
        public string Method { get; init; } = "fgsm";
        [CommandOption("--eps <EPS>"), DefaultValue("0.025")]
        [Description("Attack strength in [[0, 1]] pixel units (L-infinity): 0.025, a list 0.01,0.025, or a range start:stop:step such as 0:0.1:0.005. Default: 0.025.")]
        public string Eps { get; init; } = "0.025";
        [CommandOption("--steps <N>"), Description("PGD steps. Default: 10."), DefaultValue(10)]
        public int Steps { get; init; } = 10;
        [CommandOption("--alpha <A>"), Description("PGD step size in pixel units. Default: 2.5 * eps / steps.")]
        public float? Alpha { get; init; }
        [CommandOption("--random-start"), Description("Start PGD from a random point of the eps ball.")]
        public bool RandomStart { get; init; }
        [CommandOption("--targeted <CLASS>"), Description("Targeted attack towards a class (index or name), or 'random' for a random other class per image.")]
        public string? Targeted { get; init; }
        [CommandOption("--dataset <NAME>"), Description("Data set to attack: cifar10-test, cifar10-train. Default: cifar10-test."), DefaultValue("cifar10-test")]
        public string Dataset { get; init; } = "cifar10-test";
        [CommandOption("--limit <N>"), Description("Attack only the first N images.")]
        public int? Limit { get; init; }
        [CommandOption("--batch <N>"), Description("Images per ONNX Runtime call. Default: 256."), DefaultValue(256)]
        public int Batch { get; init; } = 256;
        [CommandOption("--seed <N>"), Description("Seed for random targets and PGD random starts. Default: 0."), DefaultValue(0)]
        public int Seed { get; init; }
        [CommandOption("--example-eps <EPS>"), DefaultValue(0.025f)]
        [Description("The example grid shows images the first method turns at the eps of the list nearest this. Default: 0.025.")]
        public float ExampleEps { get; init; } = 0.025f;
        [CommandOption("--image <FILE>"), Description("Attack this one image instead of a data set; --out is then the adversarial PNG.")]
        public string? Image { get; init; }
        [CommandOption("--out <PATH>"), Description("Folder for report.json, accuracy-vs-eps.png and examples.png; with --image, the adversarial PNG.")]
        public string? Out { get; init; }
        [CommandOption("--max-pixels <N>"), DefaultValue(ImageDecoder.DefaultMaxPixels)]
        [Description("With --image: refuse an image whose header declares more pixels than this, before decoding it. Default: 50000000.")]
        public long MaxPixels { get; init; } = ImageDecoder.DefaultMaxPixels;
        [CommandOption("--force"), Description("Replace the report files or the adversarial PNG if they exist.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() => Validation.Check(Options.Problem()) ?? base.Validate();

        public AttackOptions Options => new()
        {
            Method = Method, Eps = Eps, Steps = Steps, Alpha = Alpha, RandomStart = RandomStart, Targeted = Targeted, Dataset = Dataset,
            Limit = Limit, Batch = Batch, Seed = Seed, ExampleEps = ExampleEps, Image = Image, Out = Out, MaxPixels = MaxPixels, Force = Force,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        AttackRuns.CheckOutputs(options);
        using var attacks = AttackRuns.Open(settings.OpenModel(), ExecutionDeviceParser.Parse(settings.Device));
        if (options.Image is not null)
        {
            var result = attacks.RunImage(options);
            var (method, eps) = (options.Methods()[0].Name, options.Epsilons()[0]);
            if (settings.Json)
                Json.Print(new { model = settings.Model, image = options.Image, method, eps, result.Before, result.After, result.Linf, output = options.Out });
            else
            {
                var (before, after) = (result.Before.Top[0], result.After.Top[0]);
                AnsiConsole.MarkupLine($"before: [bold]{Markup.Escape(before.Class)}[/] ({before.Probability:P1})");
                AnsiConsole.MarkupLine($"after {method} at eps {eps:0.###}: [bold]{Markup.Escape(after.Class)}[/] ({after.Probability:P1}), L-inf {result.Linf:F4}");
                AnsiConsole.MarkupLine($"wrote {Markup.Escape(options.Out!)}");
            }
            return 0;
        }
        var outcome = attacks.RunDataSet(options, settings.Location, ProgressBar.Unless(settings.Json));
        return Json.PrintOr(settings.Json, new { outcome.Report, outcome.Files }, () => Print(outcome.Report, outcome.Files));
    }

    private static void Print(AttackReport report, IReadOnlyList<string> files)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Model)}[/] on [bold]{Markup.Escape(report.Dataset)}[/] ({report.Images:N0} images, {report.Provider}), target: {Markup.Escape(report.Target)}");
        AnsiConsole.MarkupLine($"clean accuracy: [bold]{report.CleanAccuracy:F4}[/]; clean pass {report.EvalImagesPerSecond:N0} images/s");
        Tables.Print(report.Methods.SelectMany(curve => curve.Points.Select(p => (curve.Method, Point: p))),
            ["method", "eps", "accuracy", "success rate", "mean L-inf", "mean L2", "attack images/s"],
            r => [r.Method, r.Point.Eps.ToString("0.####"), r.Point.Accuracy.ToString("F4"), r.Point.SuccessRate.ToString("F4"),
                r.Point.MeanLinf.ToString("F4"), r.Point.MeanL2.ToString("F3"), r.Point.AttackImagesPerSecond.ToString("N0")]);
        foreach (var curve in report.Methods)
            AnsiConsole.MarkupLine($"{curve.Method}: {curve.AttackImagesPerSecond:N0} images/s attacked, plain evaluation of the same batches " +
                $"{curve.EvalImagesPerSecond:N0} images/s: [bold]{curve.ThroughputVsEval:F2}[/] x");
        foreach (var example in report.Examples)
            AnsiConsole.MarkupLine($"example #{example.Index}: {Markup.Escape(example.Truth)} predicted {Markup.Escape(example.Before)} → {Markup.Escape(example.After)} at eps {report.ExampleEps:0.###}");
        foreach (string file in files) AnsiConsole.MarkupLine($"wrote {Markup.Escape(file)}");
    }
}
