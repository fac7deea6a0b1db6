using Toolkit.Pipelines.Topics;
using Toolkit.Training.Topics;

namespace Toolkit.Cli.Commands;

/// <summary>Trains the VAE topic model and writes its run folder and ONNX encoder.</summary>
public sealed class TopicsTrainCommand : Command<TopicsTrainCommand.Settings>
{
    public sealed class Settings : TopicsCorpusSettings
    {
        [CommandOption("--topics <N>"), Description("Number of topics. Default 20.")]
        public int Topics { get; init; } = 20;
        [CommandOption("--hidden <N>"), Description("Width of the encoder's two hidden layers. Default 100.")]
        public int Hidden { get; init; } = 100;
        [CommandOption("--lr <RATE>"), Description("Adam learning rate. Default 0.01.")]
        public double LearningRate { get; init; } = 1e-2;
        [CommandOption("--batch-size <N>"), Description("Documents per step. Default 64.")]
        public int BatchSize { get; init; } = 64;
        [CommandOption("--anneal-steps <N>"), Description("Steps over which the KL weight rises linearly from 0 to 1. Default 1000.")]
        public int AnnealSteps { get; init; } = 1000;
        [CommandOption("--epochs <N>"), Description("At most this many epochs. Default 100.")]
        public int Epochs { get; init; } = 100;
        [CommandOption("--patience <P>"), Description("Stop when the mean NPMI has not improved for P epochs. Default 10.")]
        public int Patience { get; init; } = 10;
        [CommandOption("--decoder-batch-norm <BOOL>"), Description("Batch-normalise B theta before the decoder's softmax (true, default) or not (false: the plain recipe)."), DefaultValue(true)]
        public bool DecoderBatchNorm { get; init; } = true;
        [CommandOption("--encoder-batch-norm <BOOL>"), Description("Batch-normalise mu and log sigma (true, default) or not (false: the plain recipe)."), DefaultValue(true)]
        public bool EncoderBatchNorm { get; init; } = true;
        [CommandOption("--dropout <RATE>"), Description("Dropout on the encoder's hidden layer. Default 0.2.")]
        public double Dropout { get; init; } = 0.2;
        [CommandOption("--select-on <CORPUS>"), Description("NPMI that early stopping and the best epoch follow: train (default: the training split, so the reference corpus only reports) or reference (the recipe's choice, which selects on the corpus it reports).")]
        public SelectionCorpus SelectOn { get; init; } = SelectionCorpus.Train;
        [CommandOption("--threads <N>"), Description("libtorch threads; 0 leaves libtorch's default. Default 0.")]
        public int Threads { get; init; }
        [CommandOption("--out <DIR>"), Description("Run folder. Default runs/topics-vae-TIMESTAMP.")]
        public string? Out { get; init; }
        [CommandOption("--model <PATH>"), Description("Also write the ONNX encoder (and its .json card) here, e.g. models/topics-vae.onnx.")]
        public string? Model { get; init; }
        [CommandOption("--force"), Description("Replace an existing run folder, model or card.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() => Validation.Check(TopicsTraining.Problem(Options)) ?? base.Validate();

        public VaeOptions Options => new()
        {
            Topics = Topics, Hidden = Hidden, LearningRate = LearningRate, BatchSize = BatchSize, AnnealSteps = AnnealSteps, MaxEpochs = Epochs,
            Patience = Patience, DecoderBatchNorm = DecoderBatchNorm, EncoderBatchNorm = EncoderBatchNorm, Dropout = Dropout, SelectOn = SelectOn,
            Seed = Seed, Threads = Threads,
        };
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var corpus = settings.Corpus.Load(settings.Location);
        if (!settings.Json)
            ConsoleLine.Out($"{corpus.Train.Rows:N0} train documents, {corpus.Reference.Rows:N0} reference documents, {corpus.Vocabulary.Count} words " +
                $"({watch.Elapsed.TotalSeconds:F1} s); {options.Topics} topics, hidden {options.Hidden}, lr {options.LearningRate}, " +
                $"decoder batch norm {options.DecoderBatchNorm}, encoder batch norm {options.EncoderBatchNorm}");

        var run = TopicsTraining.Run(corpus, options, settings.Out, settings.Model, settings.Force, settings.Json ? null : e => ConsoleLine.Out(
            $"epoch {e.Epoch,3}  loss {e.Loss,9:F2}  rec {e.Reconstruction,9:F2}  kl {e.Kl,6:F2}  alpha {e.Alpha:F2}  " +
            $"NPMI {e.MeanNpmi:F4}{(options.SelectOn == SelectionCorpus.Train ? $" (train {e.SelectionNpmi:F4})" : "")}  {e.Seconds:F1} s"));
        var result = run.Training;
        if (settings.Json) Json.Print(new { folder = run.Folder, meanNpmi = result.MeanNpmi, result.BestEpoch, wallSeconds = run.WallSeconds, topics = result.Topics, models = run.Models });
        else
        {
            TopicsTable.Print(result.Topics, result.MeanNpmi);
            ConsoleLine.Out($"best epoch {result.BestEpoch} of {result.Epochs.Count}; wall time {run.WallSeconds:F1} s; run folder {Markup.Escape(run.Folder)}");
        }
        return 0;
    }
}
