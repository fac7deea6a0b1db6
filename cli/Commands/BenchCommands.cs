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
                .WithDescription("Evaluation images/s of an exported classifier: ONNX Runtime against the same network's TorchSharp forward pass.")
                .WithExample("bench", "inference", "models/cifar10-lenet.onnx", "--batch", "256", "--data", "../shared/data");
            bench.AddCommand<BenchGrpcCommand>("grpc")
                .WithDescription("ModelInfer requests/s and p50/p99 latency against a running Open Inference Protocol gRPC server.")
                .WithExample("bench", "grpc", "--address", "http://127.0.0.1:8081", "--model", "cifar10-conv", "--connections", "64");
        });
    }
}
