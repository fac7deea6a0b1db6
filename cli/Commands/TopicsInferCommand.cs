using Toolkit.Datasets.Text;
using Toolkit.Inference.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>A document's topic mix through ONNX Runtime.</summary>
public sealed class TopicsInferCommand : Command<TopicsInferCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandArgument(0, "<MODEL>"), Description("An exported topic-model encoder (.onnx).")]
        public string Model { get; init; } = "";
        [CommandArgument(1, "<DOCUMENT>"), Description("A text file, read as Latin-1.")]
        public string Document { get; init; } = "";
        [CommandOption("--top <N>"), Description("How many topics to list. Default 3.")]
        public int Top { get; init; } = 3;

        public override ValidationResult Validate() =>
            Validation.Check(OptionRules.Range("--top", Top, 1, OptionRules.MaxLayerSize)) ?? base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Document)) throw new FileNotFoundException($"document not found: {settings.Document}");
        using var model = new TopicInference(settings.Model);
        var mix = model.Infer(MailText.ReadFile(settings.Document));
        var top = mix.Topics.Take(settings.Top).ToList();
        if (settings.Json) Json.Print(new { mix.Tokens, mix.KnownTokens, topics = top });
        else
        {
            ConsoleLine.Out($"{mix.KnownTokens} of {mix.Tokens} tokens are in the model's vocabulary");
            TopicsTable.Print("share", top.Select(t => (t.Topic, t.Proportion.ToString("P1"), t.Words)));
        }
        return 0;
    }
}
