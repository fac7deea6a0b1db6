using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class BenchCommands
{
    public static void Register(IConfigurator config)
    {
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
                .WithExample("bench", "inference", "models/cifar10-lenet.onnx", "--torch", "--batch", "256", "--data", "../shared/data");
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
    }
}
