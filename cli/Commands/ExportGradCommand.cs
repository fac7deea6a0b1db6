using Toolkit.Export.Gradients;

namespace Toolkit.Cli.Commands;

public sealed class ExportGradCommand : Command<ExportGradCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "<MODEL>"), Description("The classifier's forward model file, e.g. models/lenet.onnx.")]
        public string Model { get; init; } = "";

        public override ValidationResult Validate() =>
            File.Exists(Model) ? ValidationResult.Success() : ValidationResult.Error($"{Model}: model file not found");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Toolkit.Export.OnnxFiles.Read(settings.Model); // a file that is not an ONNX model fails here, with one line naming it
        string path = GradientGraphFile.Write(settings.Model);
        return Json.PrintOr(settings.Json, new { model = settings.Model, gradientGraph = path },
            () => AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(path)}[/] (inputs input, label; outputs logits, loss, input_grad)"));
    }
}
