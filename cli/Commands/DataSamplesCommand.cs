using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Toolkit.Inference.Evaluation;
using Toolkit.Inference.Images;

namespace Toolkit.Cli.Commands;

/// <summary>Writes images of an evaluation set as PNG files, named by index and class, to try <c>predict</c> on.</summary>
public sealed class DataSamplesCommand : Command<DataSamplesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("Data set to take images from. Default: cifar10-test.")]
        [DefaultValue("cifar10-test")]
        public string Dataset { get; init; } = "cifar10-test";

        [CommandOption("--indices <LIST>")]
        [Description("Comma-separated image indices. Default: 0,1,2,3,4,5,6,7.")]
        [DefaultValue("0,1,2,3,4,5,6,7")]
        public string Indices { get; init; } = "0,1,2,3,4,5,6,7";

        [CommandOption("--out <DIR>")]
        [Description("Folder to write the PNG files to. Default: samples.")]
        [DefaultValue("samples")]
        public string Out { get; init; } = "samples";

        public override ValidationResult Validate() =>
            OptionRules.Check(OptionRules.List<int>("--indices", Indices, i => OptionRules.Range("--indices", i, 0, int.MaxValue)))
            ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var set = EvaluationSets.Load(settings.Dataset, settings.Location);
        var indices = settings.Indices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse).ToList();
        var bad = indices.Where(i => i < 0 || i >= set.Count).ToList();
        if (bad.Count > 0) throw new ArgumentException($"indices {string.Join(", ", bad)} are outside 0-{set.Count - 1}");

        Directory.CreateDirectory(settings.Out);
        var written = new List<object>();
        foreach (int index in indices)
        {
            string label = set.ClassNames[set.Labels[index]];
            string path = Path.Combine(settings.Out, $"{settings.Dataset}-{index:D5}-{label}.png");
            var (channels, side) = set.ValuesPerExample == 3072 ? (3, 32) : (1, 28);
            PngWriter.Save(set.Pixels.AsSpan(index * set.ValuesPerExample, set.ValuesPerExample), channels, side, side, path);
            written.Add(new { index, label, path });
        }

        if (settings.Json) Json.Print(written);
        else AnsiConsole.MarkupLine($"wrote {written.Count} images to {Markup.Escape(settings.Out)}");
        return 0;
    }
}
