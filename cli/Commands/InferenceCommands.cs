using Spectre.Console.Cli;

namespace Toolkit.Cli.Commands;

public static class InferenceCommands
{
    public static void Register(IConfigurator config)
    {
        config.AddCommand<EvalCommand>("eval")
            .WithDescription("Evaluate a model through ONNX Runtime: accuracy, per-class precision and recall, confusion matrix, throughput.")
            .WithExample("eval", "models/lenet.onnx", "--dataset", "cifar10-test", "--heatmap", "lenet-confusion.png");
        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Classify image files (PNG, JPEG, BMP; any size and colour type) through ONNX Runtime.")
            .WithExample("predict", "models/lenet.onnx", "models/samples", "--top", "3");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve a model repository over the Open Inference Protocol (KServe v2 REST with binary tensors, gRPC), the image routes and Prometheus /metrics.")
            .WithExample("serve", "models", "--port", "8080", "--grpc-port", "8081");
    }
}
