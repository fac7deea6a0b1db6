using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
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

        public override ValidationResult Validate()
        {
            try
            {
                int epsilons = Epsilons.Parse(Eps).Count;
                Methods(); // names the option of a wrong method, step count or step size
                return Validation.Check(
                    string.IsNullOrWhiteSpace(Out) ? "--out is required" : null,
                    OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
                    OptionRules.Range("--limit", Limit, 1, int.MaxValue),
                    OptionRules.Range("--steps", Steps, 1, OptionRules.MaxCount),
                    OptionRules.Positive("--alpha", Alpha),
                    ExampleEps is >= 0 and <= 1 ? null : $"--example-eps {ExampleEps}: expected 0 to 1 (pixel units)",
                    OptionRules.Range("--max-pixels", MaxPixels, 1, OptionRules.MaxPixels),
                    Image is not null ? OptionRules.PngPath("--out", Out)
                        : File.Exists(Out) ? $"--out {Out}: expected a folder for the report and plots, found a file" : null,
                    Image is not null && !File.Exists(Image) ? $"{Image}: image file not found" : null,
                    Image is not null && epsilons != 1 ? "--image takes a single --eps" : null) ?? base.Validate();
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }

        public IReadOnlyList<IAttack> Methods() => AttackMethods.Parse(Method, Steps, Alpha, RandomStart, Seed);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string output = settings.Out!;
        if (settings.Image is not null) AttackRuns.CheckImageOutput(output, settings.Image, settings.Force);
        else AttackRuns.CheckFolder(output, settings.Force);
        using var attacks = AttackRuns.Open(settings.OpenModel(), ExecutionDeviceParser.Parse(settings.Device));
        var (methods, epsilons) = (settings.Methods(), Epsilons.Parse(settings.Eps));
        var targets = Targets.Parse(settings.Targeted, attacks.Model.Info.Classes);
        if (settings.Image is not null)
        {
            var result = attacks.RunImage(settings.Image, methods[0], epsilons[0], targets, output, settings.MaxPixels);
            if (settings.Json)
                Json.Print(new { model = settings.Model, image = settings.Image, method = methods[0].Name, eps = epsilons[0], result.Before, result.After, result.Linf, output });
            else
            {
                var (before, after) = (result.Before.Top[0], result.After.Top[0]);
                AnsiConsole.MarkupLine($"before: [bold]{Markup.Escape(before.Class)}[/] ({before.Probability:P1})");
                AnsiConsole.MarkupLine($"after {methods[0].Name} at eps {epsilons[0]:0.###}: [bold]{Markup.Escape(after.Class)}[/] ({after.Probability:P1}), L-inf {result.Linf:F4}");
                AnsiConsole.MarkupLine($"wrote {Markup.Escape(output)}");
            }
            return 0;
        }
        var set = EvaluationSets.Load(settings.Dataset, settings.Location);
        if (settings.Limit is int limit) set = set.Take(limit);
        var plan = new AttackPlan(methods, epsilons, targets, settings.Batch, settings.Seed, settings.ExampleEps);
        var outcome = Progress.Run($"attacking {set.Name}", plan.Work(set.Count), p => attacks.RunDataSet(plan, set, output, p), settings.Json);
        if (settings.Json) Json.Print(new { outcome.Report, outcome.Files });
        else Print(outcome.Report, outcome.Files);
        return 0;
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
