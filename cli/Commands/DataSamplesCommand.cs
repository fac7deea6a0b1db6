using Toolkit.Pipelines.Datasets;

namespace Toolkit.Cli.Commands;

/// <summary>Writes images of an evaluation set as PNG files, named by index and class, to try <c>predict</c> on.</summary>
public sealed class DataSamplesCommand : Command<DataSamplesCommand.Settings>
{
    public sealed class Settings : DataSettings
    {
        [CommandOption("--dataset <NAME>"), Description("Data set to take images from. Default: cifar10-test."), DefaultValue("cifar10-test")]
        public string Dataset { get; init; } = "cifar10-test";
        [CommandOption("--indices <LIST>"), Description("Comma-separated image indices. Default: 0,1,2,3,4,5,6,7."), DefaultValue("0,1,2,3,4,5,6,7")]
        public string Indices { get; init; } = "0,1,2,3,4,5,6,7";
        [CommandOption("--out <DIR>"), Description("Folder to write the PNG files to. Default: samples."), DefaultValue("samples")]
        public string Out { get; init; } = "samples";

        public override ValidationResult Validate() =>
            Validation.Check(OptionRules.List<int>("--indices", Indices, i => OptionRules.Range("--indices", i, 0, int.MaxValue)))
            ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var written = SampleImages.Write(settings.Dataset, OptionRules.Values<int>(settings.Indices), settings.Out, settings.Location);
        return Json.PrintOr(settings.Json, written, () => AnsiConsole.MarkupLine($"wrote {written.Count} images to {Markup.Escape(settings.Out)}"));
    }
}
