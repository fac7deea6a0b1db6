namespace Toolkit.Cli.Commands;

/// <summary>Every command and branch of the toolkit command line with its description and examples, registered once for the program and its tests.</summary>
public static class CommandTree
{
    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("toolkit");
        config.AddBranch("data", data =>
        {
            data.SetDescription("Find, check and download the data sets.");
            data.AddCommand<DataVerifyCommand>("verify")
                .WithDescription("Read every data set completely and report counts per split and per class, or the problem.")
                .WithExample("data", "verify", "--data", "../shared/data", "--json");
            data.AddCommand<DataSamplesCommand>("samples")
                .WithDescription("Write images of a data set as PNG files, to try predict and serve on.")
                .WithExample("data", "samples", "--dataset", "cifar10-test", "--indices", "3,4,6,18", "--out", "models/samples");
            data.AddCommand<DataDownloadCommand>("download")
                .WithDescription("Fetch a data set's official files with a sha256 check (written to NAME.part, renamed when complete).")
                .WithExample("data", "download", "mnist", "--data", "~/toolkit-data");
            data.AddCommand<DataBenchmarkCommand>("benchmark")
                .WithDescription("Time reading the MNIST and CIFAR-10 training images into memory.")
                .WithExample("data", "benchmark", "--data", "../shared/data");
        });
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Evaluate a model through ONNX Runtime: accuracy, per-class precision and recall, confusion matrix, throughput.")
            .WithExample("eval", "models/lenet.onnx", "--dataset", "cifar10-test", "--heatmap", "lenet-confusion.png");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Classify image files (PNG, JPEG, BMP; any size and colour type) through ONNX Runtime.")
            .WithExample("predict", "models/lenet.onnx", "models/samples", "--top", "3");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve a model repository over the Open Inference Protocol (KServe v2 REST with binary tensors, gRPC), the image routes and Prometheus /metrics.")
            .WithExample("serve", "models", "--port", "8080", "--grpc-port", "8081");
        config.AddCommand<AttackCommand>("attack")
            .WithDescription("Adversarial attacks (FGSM, PGD, targeted) through ONNX Runtime and the model's gradient graph: accuracy against eps, success rate, perturbation norms, throughput, example grid.")
            .WithExample("attack", "models/lenet.onnx", "--method", "fgsm", "--eps", "0.025", "--dataset", "cifar10-test", "--out", "attack-lenet")
            .WithExample("attack", "models/lenet.onnx", "--method", "fgsm,pgd", "--eps", "0:0.1:0.005", "--limit", "1000", "--out", "attack-curve")
            .WithExample("attack", "models/lenet.onnx", "--image", "models/samples/cifar10-test-00001-ship.png", "--eps", "0.025", "--out", "ship-adv.png");
        config.AddCommand<ExportGradCommand>("export-grad")
            .WithDescription("Write the input-gradient graph NAME.grad.onnx next to a classifier NAME.onnx (used by attack).")
            .WithExample("export-grad", "models/lenet.onnx");
        config.AddBranch("movielens", movielens =>
        {
            movielens.SetDescription("MovieLens 100K: baselines, truncated SVD, hand-written ALS and library models.");
            movielens.AddCommand<MovieLensCompareCommand>("compare")
                .WithDescription("Fit every model at every rank on one split; report MSE, fit times, plots and ALS-versus-library agreement.")
                .WithExample("movielens", "compare", "--split", "reference", "--ranks", "1,2,5,10,20,50", "--out", "runs/movielens");
            movielens.AddCommand<MovieLensRecommendCommand>("recommend")
                .WithDescription("A user's top unseen movies with titles and predicted ratings.")
                .WithExample("movielens", "recommend", "--user", "42", "--top", "10", "--model", "als");
        });
        config.AddBranch("topics", topics =>
        {
            topics.SetDescription("Neural topic model (VAE) on 20 Newsgroups, scored by NPMI; its ONNX encoder; baselines.");
            topics.AddCommand<TopicsTrainCommand>("train")
                .WithDescription("Train the VAE topic model, stop early on NPMI, write the run folder and the ONNX encoder.")
                .WithExample("topics", "train", "--data", "../shared/data", "--topics", "20", "--model", "models/topics-vae.onnx");
            topics.AddCommand<TopicsShowCommand>("show")
                .WithDescription("Show a run's topics with their NPMI, the mean NPMI and its settings.")
                .WithExample("topics", "show", "runs/topics-vae");
            topics.AddCommand<TopicsInferCommand>("infer")
                .WithDescription("A new document's topic mix through ONNX Runtime with an exported encoder.")
                .WithExample("topics", "infer", "models/topics-vae.onnx", "doc.txt");
            topics.AddCommand<TopicsBaselineCommand>("baseline")
                .WithDescription("NPMI floors on the same corpus and metric: random word sets and NMF topics.")
                .WithExample("topics", "baseline", "--data", "../shared/data");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train networks with TorchSharp into run folders, then export the best to ONNX.");
            train.AddCommand<TrainCifarCommand>("cifar10")
                .WithDescription("Train a CIFAR-10 classifier (logreg, mlp, conv, lenet), or search its hyperparameters.")
                .WithExample("train", "cifar10", "--arch", "lenet", "--data", "../shared/data")
                .WithExample("train", "cifar10", "--arch", "logreg", "--search", "grid", "--lr", "1e-2,1e-3,1e-4")
                .WithExample("train", "cifar10", "--arch", "lenet", "--search", "random", "--trials", "20", "--o1", "100:200", "--subset", "5000");
            train.AddCommand<TrainMnistAeCommand>("mnist-ae")
                .WithDescription("Train MNIST autoencoders (F1 linear, F2 relu), one per hidden size, and export each to ONNX.")
                .WithExample("train", "mnist-ae", "--kind", "linear", "--hidden", "32,64,128")
                .WithExample("train", "mnist-ae", "--kind", "relu", "--hidden", "128", "--batch", "256", "--steps", "20000");
        });
        config.AddBranch("pca", pca =>
        {
            pca.SetDescription("Principal component analysis baselines, exported as ONNX reconstruction graphs.");
            pca.AddCommand<PcaMnistCommand>("mnist")
                .WithDescription("PCA of the MNIST training set for each k; writes models/mnist-pca-kK.onnx.")
                .WithExample("pca", "mnist", "--components", "32,64,128");
        });
        config.AddBranch("report", report =>
        {
            report.SetDescription("Reports that measure a family of exported models through ONNX Runtime.");
            report.AddCommand<ReportMnistAeCommand>("mnist-ae")
                .WithDescription("Train and test MSE of every MNIST autoencoder and PCA model, and their reconstruction grids.")
                .WithExample("report", "mnist-ae", "--models", "models", "--out", "docs/plots");
        });
        config.AddCommand<ExportCommand>("export")
            .WithDescription("Export a trained run to a self-contained ONNX file and its model card, measuring test accuracy through ONNX Runtime.")
            .WithExample("export", "runs/cifar10-lenet", "--out", "models/cifar10-lenet.onnx", "--data", "../shared/data");
        // A command of its own beside 'export RUN' (as export-grad is): a command and a branch cannot share one name.
        config.AddCommand<ExportTritonCommand>("export-triton")
            .WithDescription("Write a Triton / KServe model repository (config.pbtxt, labels, NAME/1/model.onnx) of every model in a file or folder, gradient graphs included.")
            .WithExample("export-triton", "models", "--out", "triton-repo");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Measure the toolkit's speed.");
            bench.AddCommand<BenchThroughputCommand>("train-throughput")
                .WithDescription("Training images/s of the toolkit's data path against a bare TorchSharp loop over preloaded tensors.")
                .WithExample("bench", "train-throughput", "--arch", "lenet", "--data", "../shared/data");
            bench.AddCommand<BenchInferenceCommand>("inference")
                .WithDescription("ONNX Runtime images/s, GFLOP/s (FLOPs counted from the graph) and % of the CPU's fp32 peak per classifier, batch size and thread count; --torch compares with TorchSharp.")
                .WithExample("bench", "inference")
                .WithExample("bench", "inference", "models/cifar10-lenet.onnx", "--batch", "256", "--threads", "2", "--peak-gflops", "320")
                .WithExample("bench", "inference", "models/cifar10-lenet.onnx", "--batch", "32", "--threads", "2", "--measure-peak")
                .WithExample("bench", "inference", "models/cifar10-lenet.onnx", "--torch", "--batch", "256", "--data", "../shared/data");
            bench.AddCommand<BenchProfileCommand>("profile")
                .WithDescription("Where one graph spends its time: ONNX Runtime's profiler, kernel time per operator type.")
                .WithExample("bench", "profile", "models/cifar10-lenet.onnx", "--batch", "32")
                .WithExample("bench", "profile", "models/cifar10-fast.grad.onnx");
            bench.AddCommand<BenchSessionOptionsCommand>("session-options")
                .WithDescription("ONNX Runtime session settings (optimisation level, threads, spinning, memory pattern) and pre-allocated tensors for one model, side by side.")
                .WithExample("bench", "session-options", "models/cifar10-lenet.onnx", "--batch", "32,256,1024");
            bench.AddCommand<BenchAlsCommand>("als")
                .WithDescription("MovieLens ALS over the ranks with the conjugate-gradient and the exact row solver, side by side: wall seconds and test MSE.")
                .WithExample("bench", "als", "--rounds", "3", "--data", "../shared/data");
            bench.AddCommand<BenchAlsScalingCommand>("als-scaling")
                .WithDescription("ALS seconds per sweep and memory on synthetic power-law rating sets of growing size, plotted.")
                .WithExample("bench", "als-scaling", "--sizes", "1M,10M,50M", "--rank", "20", "--out", "runs/als-scaling");
            bench.AddCommand<BenchGrpcCommand>("grpc")
                .WithDescription("ModelInfer requests/s and p50/p99 latency against a running Open Inference Protocol gRPC server.")
                .WithExample("bench", "grpc", "--address", "http://127.0.0.1:8081", "--model", "cifar10-conv", "--connections", "64");
        });
        config.AddBranch("transfer", transfer =>
        {
            transfer.SetDescription("Transfer learning on CIFAR-10 from the ImageNet-pretrained ResNet18 (NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18): a fixed feature extractor with a linear head, or the whole network fine-tuned.");
            transfer.AddCommand<TransferFeaturesCommand>("features")
                .WithDescription("Run CIFAR-10 through the backbone and cache the 512-d features on disk (resumable).")
                .WithExample("transfer", "features", "--data", "../shared/data", "--resolution", "224", "--train-subset", "20000");
            transfer.AddCommand<TransferTrainHeadCommand>("train-head")
                .WithDescription("Train a Linear(512, 10) head on cached features with Adam and report test accuracy.")
                .WithExample("transfer", "train-head", "--features", "runs/transfer/features-224");
            transfer.AddCommand<TransferExportCommand>("export")
                .WithDescription("Export backbone + head as one self-contained ONNX classifier ([[N,3,32,32]] pixels in [[0, 1]] to logits) with its card.")
                .WithExample("transfer", "export", "runs/transfer/head-224", "--data", "../shared/data");
            transfer.AddCommand<TransferFinetuneCommand>("finetune")
                .WithDescription("Fine-tune the whole pretrained ResNet18 on CIFAR-10 with a new 10-way fc, then export it with its gradient graph.")
                .WithExample("transfer", "finetune", "--data", "../shared/data", "--resolution", "64", "--epochs", "2", "--subset", "15000", "--device", "cpu", "--threads", "2")
                .WithExample("transfer", "finetune", "--resolution", "64", "--measure-steps", "20", "--threads", "2");
        });
    }
}
