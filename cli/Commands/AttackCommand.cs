using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;
using Toolkit.Inference.Sessions;
using Toolkit.Pipelines.Attacks;

namespace Toolkit.Cli.Commands;

public sealed class AttackCommand : Command<AttackCommand.Settings>
{
    public sealed class Settings : ModelSettings
    {
        [CommandOption("--method <METHOD>")]
        [Description("fgsm, pgd, or fgsm,pgd to compare both. Default: fgsm.")]
        [DefaultValue("fgsm")]
        public string Method { get; init; } = "fgsm";

        [CommandOption("--eps <EPS>")]
        [Description("Attack strength in [[0, 1]] pixel units (L-infinity): 0.025, a list 0.01,0.025, or a range start:stop:step such as 0:0.1:0.005. Default: 0.025.")]
        [DefaultValue("0.025")]
        public string Eps { get; init; } = "0.025";

        [CommandOption("--steps <N>")]
        [Description("PGD steps. Default: 10.")]
        [DefaultValue(10)]
        public int Steps { get; init; } = 10;

        [CommandOption("--alpha <A>")]
        [Description("PGD step size in pixel units. Default: 2.5 * eps / steps.")]
        public float? Alpha { get; init; }

        [CommandOption("--random-start")]
        [Description("Start PGD from a random point of the eps ball.")]
        public bool RandomStart { get; init; }

        [CommandOption("--targeted <CLASS>")]
        [Description("Targeted attack towards a class (index or name), or 'random' for a random other class per image.")]
        public string? Targeted { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Data set to attack: cifar10-test, cifar10-train. Default: cifar10-test.")]
        [DefaultValue("cifar10-test")]
        public string Dataset { get; init; } = "cifar10-test";

        [CommandOption("--limit <N>")]
        [Description("Attack only the first N images.")]
        public int? Limit { get; init; }

        [CommandOption("--batch <N>")]
        [Description("Images per ONNX Runtime call. Default: 256.")]
        [DefaultValue(256)]
        public int Batch { get; init; } = 256;

        [CommandOption("--seed <N>")]
        [Description("Seed for random targets and PGD random starts. Default: 0.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--example-eps <EPS>")]
        [Description("The example grid shows images the first method turns at the eps of the list nearest this. Default: 0.025.")]
        [DefaultValue(0.025f)]
        public float ExampleEps { get; init; } = 0.025f;

        [CommandOption("--image <FILE>")]
        [Description("Attack this one image instead of a data set; --out is then the adversarial PNG.")]
        public string? Image { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Folder for report.json, accuracy-vs-eps.png and examples.png; with --image, the adversarial PNG.")]
        public string? Out { get; init; }

        [CommandOption("--max-pixels <N>")]
        [Description("With --image: refuse an image whose header declares more pixels than this, before decoding it. Default: 50000000.")]
        [DefaultValue(ImageDecoder.DefaultMaxPixels)]
        public long MaxPixels { get; init; } = ImageDecoder.DefaultMaxPixels;

        [CommandOption("--force")]
        [Description("Replace the report files or the adversarial PNG if they exist.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required");
            var problem = OptionRules.Check(
                OptionRules.Range("--batch", Batch, 1, OptionRules.MaxBatch),
                OptionRules.Range("--limit", Limit, 1, int.MaxValue),
                OptionRules.Range("--steps", Steps, 1, OptionRules.MaxCount),
                OptionRules.Positive("--alpha", Alpha),
                ExampleEps is >= 0 and <= 1 ? null : $"--example-eps {ExampleEps}: expected 0 to 1 (pixel units)",
                OptionRules.Range("--max-pixels", MaxPixels, 1, OptionRules.MaxPixels),
                Image is not null ? OptionRules.PngPath("--out", Out)
                    : File.Exists(Out) ? $"--out {Out}: expected a folder for the report and plots, found a file" : null);
            if (problem is not null) return problem;
            if (Image is not null && !File.Exists(Image)) return ValidationResult.Error($"{Image}: image file not found");
            try
            {
                var epsilons = Epsilons.Parse(Eps);
                if (Image is not null && epsilons.Count != 1) return ValidationResult.Error("--image takes a single --eps");
                AttackMethods.Parse(Method, Steps, Alpha, RandomStart, Seed);
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Image is not null) AttackRuns.CheckImageOutput(settings.Out!, settings.Image, settings.Force);
        else AttackRuns.CheckFolder(settings.Out!, settings.Force);
        using var attacks = AttackRuns.Open(settings.OpenModel(), ExecutionDeviceParser.Parse(settings.Device));
        var methods = AttackMethods.Parse(settings.Method, settings.Steps, settings.Alpha, settings.RandomStart, settings.Seed);
        var epsilons = Epsilons.Parse(settings.Eps);
        var targets = Targets.Parse(settings.Targeted, attacks.Model.Info.Classes);

        if (settings.Image is not null)
        {
            var result = attacks.RunImage(settings.Image, methods[0], epsilons[0], targets, settings.Out!, settings.MaxPixels);
            if (settings.Json)
                Json.Print(new { model = settings.Model, image = settings.Image, method = methods[0].Name, eps = epsilons[0], result.Before, result.After, result.Linf, output = settings.Out });
            else
                AttackTables.PrintImage(result, methods[0].Name, epsilons[0], settings.Out!);
            return 0;
        }

        var set = EvaluationSets.Load(settings.Dataset, settings.Location);
        if (settings.Limit is int limit) set = set.Take(limit);
        var plan = new AttackPlan(methods, epsilons, targets, settings.Batch, settings.Seed, settings.ExampleEps);
        var outcome = Progress.Run($"attacking {set.Name}", plan.Work(set.Count), p => attacks.RunDataSet(plan, set, settings.Out!, p), settings.Json);
        if (settings.Json) Json.Print(new { outcome.Report, outcome.Files });
        else AttackTables.Print(outcome.Report, outcome.Files);
        return 0;
    }
}
