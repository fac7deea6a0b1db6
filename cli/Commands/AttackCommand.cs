using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Datasets;
using Toolkit.Inference;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

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
        using var model = settings.OpenModel();
        using var gradients = GradientModel.OpenFor(settings.Model, Inference.Sessions.ExecutionDeviceParser.Parse(settings.Device));
        var methods = AttackMethods.Parse(settings.Method, settings.Steps, settings.Alpha, settings.RandomStart, settings.Seed);
        var epsilons = Epsilons.Parse(settings.Eps);
        var targets = Targets.Parse(settings.Targeted, model.Info.Classes);

        if (settings.Image is not null) return AttackImage(settings, model, gradients, methods[0], epsilons[0], targets);

        var set = EvaluationSets.Load(settings.Dataset, settings.Location);
        if (settings.Limit is int limit) set = set.Take(limit);
        var plan = new AttackPlan(methods, epsilons, targets, settings.Batch, settings.Seed, settings.ExampleEps);
        var runner = new AttackRunner(model, gradients, plan);
        var report = settings.Json
            ? runner.Run(set)
            : Progress.Run($"attacking {set.Name}", plan.Work(set.Count), p => runner.Run(set, p));

        var files = AttackOutputs.Write(report, model.Info, settings.Out!);
        if (settings.Json) Json.Print(new { report, files });
        else AttackTables.Print(report, files);
        return 0;
    }

    private static int AttackImage(Settings settings, OnnxModel model, GradientModel gradients, IAttack attack, float eps, Targets targets)
    {
        using var bitmap = ImageDecoder.Decode(settings.Image!, settings.MaxPixels);
        var input = ImageTensor.ToInput(bitmap, model.Info);
        var result = SingleImageAttack.Run(model, gradients, settings.Image!, input, attack, eps, targets);
        var info = model.Info;
        PngWriter.Save(result.Adversarial, info.Channels, info.Height, info.Width, settings.Out!);

        if (settings.Json)
            Json.Print(new { model = model.Path, image = settings.Image, method = attack.Name, eps, result.Before, result.After, result.Linf, output = settings.Out });
        else
            AttackTables.PrintImage(result, attack.Name, eps, settings.Out!);
        return 0;
    }
}

/// <summary>The files of an attack run: report.json, the accuracy curve and the example grid, each written atomically.</summary>
public static class AttackOutputs
{
    public static IReadOnlyList<string> Write(AttackReport report, ModelInfo info, string folder)
    {
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, "report.json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(report, Json.Options));
        string curve = Path.Combine(folder, "accuracy-vs-eps.png");
        AttackCurve.Save(report, curve);
        if (report.Examples.Count == 0) return [json, curve];

        string grid = Path.Combine(folder, "examples.png");
        AttackGrid.Save(report, info, grid);
        return [json, curve, grid];
    }
}
