using System.Reflection;

namespace Toolkit.Cli.Commands;

/// <summary>
/// Every command and branch of the toolkit command line with its description and examples, described once: Spectre
/// registers the tree from this table (for the program and its tests), and the error report looks up in it the command
/// typed, its options and the names that may follow a branch.
/// </summary>
public static class CommandTree
{
    public static readonly IReadOnlyList<CommandEntry> Entries =
    [
        Branch("data", "Find, check and download the data sets."),
        Command<DataVerifyCommand>("data verify",
            "Read every data set completely and report counts per split and per class, or the problem.",
            ["data", "verify", "--data", "../shared/data", "--json"]),
        Command<DataSamplesCommand>("data samples",
            "Write images of a data set as PNG files, to try predict and serve on.",
            ["data", "samples", "--dataset", "cifar10-test", "--indices", "3,4,6,18", "--out", "models/samples"]),
        Command<DataDownloadCommand>("data download",
            "Fetch a data set's official files with a sha256 check (written to NAME.part, renamed when complete).",
            ["data", "download", "mnist", "--data", "~/toolkit-data"]),
        Command<DataBenchmarkCommand>("data benchmark",
            "Time reading the MNIST and CIFAR-10 training images into memory.",
            ["data", "benchmark", "--data", "../shared/data"]),
        Command<EvalCommand>("eval",
            "Evaluate a model through ONNX Runtime: accuracy, per-class precision and recall, confusion matrix, throughput.",
            ["eval", "models/lenet.onnx", "--dataset", "cifar10-test", "--heatmap", "lenet-confusion.png"]),
        Command<PredictCommand>("predict",
            "Classify image files (PNG, JPEG, BMP; any size and colour type) through ONNX Runtime.",
            ["predict", "models/lenet.onnx", "models/samples", "--top", "3"]),
        Command<ServeCommand>("serve",
            "Serve a model repository over the Open Inference Protocol (KServe v2 REST with binary tensors, gRPC), the image routes and Prometheus /metrics.",
            ["serve", "models", "--port", "8080", "--grpc-port", "8081"]),
        Command<AttackCommand>("attack",
            "Adversarial attacks (FGSM, PGD, targeted) through ONNX Runtime and the model's gradient graph: accuracy against eps, success rate, perturbation norms, throughput, example grid.",
            ["attack", "models/lenet.onnx", "--method", "fgsm", "--eps", "0.025", "--dataset", "cifar10-test", "--out", "attack-lenet"],
            ["attack", "models/lenet.onnx", "--method", "fgsm,pgd", "--eps", "0:0.1:0.005", "--limit", "1000", "--out", "attack-curve"],
            ["attack", "models/lenet.onnx", "--image", "models/samples/cifar10-test-00001-ship.png", "--eps", "0.025", "--out", "ship-adv.png"]),
        Command<ExportGradCommand>("export-grad",
            "Write the input-gradient graph NAME.grad.onnx next to a classifier NAME.onnx (used by attack).",
            ["export-grad", "models/lenet.onnx"]),
        Branch("movielens", "MovieLens 100K: baselines, truncated SVD, hand-written ALS and library models."),
        Command<MovieLensCompareCommand>("movielens compare",
            "Fit every model at every rank on one split; report MSE, fit times, plots and ALS-versus-library agreement.",
            ["movielens", "compare", "--split", "reference", "--ranks", "1,2,5,10,20,50", "--out", "runs/movielens"]),
        Command<MovieLensRecommendCommand>("movielens recommend",
            "A user's top unseen movies with titles and predicted ratings.",
            ["movielens", "recommend", "--user", "42", "--top", "10", "--model", "als"]),
        Branch("topics", "Neural topic model (VAE) on 20 Newsgroups, scored by NPMI; its ONNX encoder; baselines."),
        Command<TopicsTrainCommand>("topics train",
            "Train the VAE topic model, stop early on NPMI, write the run folder and the ONNX encoder.",
            ["topics", "train", "--data", "../shared/data", "--topics", "20", "--model", "models/topics-vae.onnx"]),
        Command<TopicsShowCommand>("topics show",
            "Show a run's topics with their NPMI, the mean NPMI and its settings.",
            ["topics", "show", "runs/topics-vae"]),
        Command<TopicsInferCommand>("topics infer",
            "A new document's topic mix through ONNX Runtime with an exported encoder.",
            ["topics", "infer", "models/topics-vae.onnx", "doc.txt"]),
        Command<TopicsBaselineCommand>("topics baseline",
            "NPMI floors on the same corpus and metric: random word sets and NMF topics.",
            ["topics", "baseline", "--data", "../shared/data"]),
        Branch("train", "Train networks with TorchSharp into run folders, then export the best to ONNX."),
        Command<TrainCifarCommand>("train cifar10",
            "Train a CIFAR-10 classifier (logreg, mlp, conv, lenet), or search its hyperparameters.",
            ["train", "cifar10", "--arch", "lenet", "--data", "../shared/data"],
            ["train", "cifar10", "--arch", "logreg", "--search", "grid", "--lr", "1e-2,1e-3,1e-4"],
            ["train", "cifar10", "--arch", "lenet", "--search", "random", "--trials", "20", "--o1", "100:200", "--subset", "5000"]),
        Command<TrainMnistAeCommand>("train mnist-ae",
            "Train MNIST autoencoders (F1 linear, F2 relu), one per hidden size, and export each to ONNX.",
            ["train", "mnist-ae", "--kind", "linear", "--hidden", "32,64,128"],
            ["train", "mnist-ae", "--kind", "relu", "--hidden", "128", "--batch", "256", "--steps", "20000"]),
        Branch("pca", "Principal component analysis baselines, exported as ONNX reconstruction graphs."),
        Command<PcaMnistCommand>("pca mnist",
            "PCA of the MNIST training set for each k; writes models/mnist-pca-kK.onnx.",
            ["pca", "mnist", "--components", "32,64,128"]),
        Branch("report", "Reports that measure a family of exported models through ONNX Runtime."),
        Command<ReportMnistAeCommand>("report mnist-ae",
            "Train and test MSE of every MNIST autoencoder and PCA model, and their reconstruction grids.",
            ["report", "mnist-ae", "--models", "models", "--out", "docs/plots"]),
        Command<ExportCommand>("export",
            "Export a trained run to a self-contained ONNX file and its model card, measuring test accuracy through ONNX Runtime.",
            ["export", "runs/cifar10-lenet", "--out", "models/cifar10-lenet.onnx", "--data", "../shared/data"]),
        // A command of its own beside 'export RUN' (as export-grad is): a command and a branch cannot share one name.
        Command<ExportTritonCommand>("export-triton",
            "Write a Triton / KServe model repository (config.pbtxt, labels, NAME/1/model.onnx) of every model in a file or folder, gradient graphs included.",
            ["export-triton", "models", "--out", "triton-repo"]),
        Branch("bench", "Measure the toolkit's speed."),
        Command<BenchThroughputCommand>("bench train-throughput",
            "Training images/s of the toolkit's data path against a bare TorchSharp loop over preloaded tensors.",
            ["bench", "train-throughput", "--arch", "lenet", "--data", "../shared/data"]),
        Command<BenchInferenceCommand>("bench inference",
            "ONNX Runtime images/s, GFLOP/s (FLOPs counted from the graph) and % of the CPU's fp32 peak per classifier, batch size and thread count; --torch compares with TorchSharp.",
            ["bench", "inference"],
            ["bench", "inference", "models/cifar10-lenet.onnx", "--batch", "256", "--threads", "2", "--peak-gflops", "320"],
            ["bench", "inference", "models/cifar10-lenet.onnx", "--torch", "--batch", "256", "--data", "../shared/data"],
            ["bench", "inference", "models/cifar10-lenet.onnx", "--batch", "32", "--threads", "2", "--measure-peak"]),
        Command<BenchProfileCommand>("bench profile",
            "Where one graph spends its time: ONNX Runtime's profiler, kernel time per operator type.",
            ["bench", "profile", "models/cifar10-lenet.onnx", "--batch", "32"],
            ["bench", "profile", "models/cifar10-fast.grad.onnx"]),
        Command<BenchSessionOptionsCommand>("bench session-options",
            "ONNX Runtime session settings (optimisation level, threads, spinning, memory pattern) and pre-allocated tensors for one model, side by side.",
            ["bench", "session-options", "models/cifar10-lenet.onnx", "--batch", "32,256,1024"]),
        Command<BenchAlsCommand>("bench als",
            "MovieLens ALS over the ranks with the conjugate-gradient and the exact row solver, side by side: wall seconds and test MSE.",
            ["bench", "als", "--rounds", "3", "--data", "../shared/data"]),
        Command<BenchAlsScalingCommand>("bench als-scaling",
            "ALS seconds per sweep and memory on synthetic power-law rating sets of growing size, plotted.",
            ["bench", "als-scaling", "--sizes", "1M,10M,50M", "--rank", "20", "--out", "runs/als-scaling"]),
        Command<BenchGrpcCommand>("bench grpc",
            "ModelInfer requests/s and p50/p99 latency against a running Open Inference Protocol gRPC server.",
            ["bench", "grpc", "--address", "http://127.0.0.1:8081", "--model", "cifar10-conv", "--connections", "64"]),
        Branch("transfer", "Transfer learning on CIFAR-10 from the ImageNet-pretrained ResNet18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18): a fixed feature extractor with a linear head, or the whole network fine-tuned."),
        Command<TransferFeaturesCommand>("transfer features",
            "Run CIFAR-10 through the backbone and cache the 512-d features on disk (resumable).",
            ["transfer", "features", "--data", "../shared/data", "--resolution", "224", "--train-subset", "20000"]),
        Command<TransferTrainHeadCommand>("transfer train-head",
            "Train a Linear(512, 10) head on cached features with Adam and report test accuracy.",
            ["transfer", "train-head", "--features", "runs/transfer/features-224"]),
        Command<TransferExportCommand>("transfer export",
            "Export backbone + head as one self-contained ONNX classifier ([[N,3,32,32]] pixels in [[0, 1]] to logits) with its card.",
            ["transfer", "export", "runs/transfer/head-224", "--data", "../shared/data"]),
        Command<TransferFinetuneCommand>("transfer finetune",
            "Fine-tune the whole pretrained ResNet18 on CIFAR-10 with a new 10-way fc, then export it with its gradient graph.",
            ["transfer", "finetune", "--data", "../shared/data", "--resolution", "64", "--epochs", "2", "--subset", "15000", "--device", "cpu", "--threads", "2"],
            ["transfer", "finetune", "--resolution", "64", "--measure-steps", "20", "--threads", "2"]),
    ];

    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("toolkit");
        foreach (var entry in Entries.Where(e => !e.Path.Contains(' ')))
        {
            if (entry.AddAtTop is { } add) entry.Describe(add(config));
            else
                config.AddBranch(entry.Path, branch =>
                {
                    branch.SetDescription(entry.Description);
                    foreach (var child in Entries.Where(c => c.Path.StartsWith(entry.Path + " ", StringComparison.Ordinal)))
                        child.Describe(child.AddInBranch!(branch));
                });
        }
    }

    /// <summary>The deepest command whose path starts <paramref name="arguments"/>, e.g. "train cifar10".</summary>
    public static CommandEntry? Find(IReadOnlyList<string> arguments)
    {
        var words = arguments.TakeWhile(a => !a.StartsWith('-')).ToList();
        for (int length = words.Count; length > 0; length--)
        {
            string path = string.Join(' ', words.Take(length));
            if (Entries.FirstOrDefault(e => e.Path == path && e.Settings is not null) is { } command) return command;
        }
        return null;
    }

    /// <summary>The names that may follow <paramref name="parent"/> (empty: the top-level commands and branches).</summary>
    public static IReadOnlyList<string> Subcommands(IReadOnlyList<string> parent) =>
        Entries
            .Select(entry => entry.Path.Split(' '))
            .Where(words => words.Length > parent.Count && words.Take(parent.Count).SequenceEqual(parent))
            .Select(words => words[parent.Count])
            .Distinct()
            .ToList();

    private static CommandEntry Branch(string name, string description) => new(name, description, Settings: null, Examples: []);

    private static CommandEntry Command<TCommand>(string path, string description, params string[][] examples)
        where TCommand : class, ICommandLimiter<CommandSettings> =>
        new(path, description, SettingsOf(typeof(TCommand)), examples)
        {
            AddAtTop = config => config.AddCommand<TCommand>(path),
            AddInBranch = branch => branch.AddCommand<TCommand>(path.Split(' ')[^1]),
        };

    private static Type SettingsOf(Type command) =>
        command.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)).GetGenericArguments()[0];
}

/// <summary>A command or branch of the tree: the words that name it, its description and examples; a branch has no settings.</summary>
public sealed record CommandEntry(string Path, string Description, Type? Settings, string[][] Examples)
{
    public Func<IConfigurator, ICommandConfigurator>? AddAtTop { get; init; }
    public Func<IConfigurator<CommandSettings>, ICommandConfigurator>? AddInBranch { get; init; }

    /// <summary>Every long option of the command, --help included.</summary>
    public IReadOnlyList<string> LongOptions =>
        Options.SelectMany(p => p.Option.LongNames.Select(n => "--" + n)).Append("--help").Distinct().ToList();

    /// <summary>The property type behind a long option (e.g. int? for --threads), or null when the command has no such option.</summary>
    public Type? OptionType(string option) =>
        Options.FirstOrDefault(p => p.Option.LongNames.Any(n => "--" + n == option)).Property?.PropertyType;

    public void Describe(ICommandConfigurator command)
    {
        command.WithDescription(Description);
        foreach (var example in Examples) command.WithExample(example);
    }

    private IEnumerable<(PropertyInfo Property, CommandOptionAttribute Option)> Options =>
        (Settings?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null)
            .Select(p => (p.Property, p.Option!));
}
