using System.Diagnostics;
using System.Text.Json;
using Onnx;
using Toolkit.Export.Import;
using Toolkit.Inference;
using Toolkit.Inference.Evaluation;
using Toolkit.Training;
using Toolkit.Training.Cifar;
using static TorchSharp.torch;

namespace Toolkit.Pipelines.Benchmarks;

public sealed record InferenceBenchmarkResult(
    string Model, int Images, int BatchSize, int Rounds, int TorchThreads,
    double OnnxRuntimeImagesPerSecond, double TorchSharpImagesPerSecond, double Speedup,
    double OnnxRuntimeAccuracy, double TorchSharpAccuracy, double MaxLogitDifference);

/// <summary>
/// Evaluation throughput of one exported CIFAR-10 classifier, ONNX Runtime against the same network's TorchSharp
/// forward pass (rebuilt from the model's recorded architecture and loaded with its own weights), on the CPU,
/// the two timed round by round in alternation so both see the same machine load.
/// </summary>
public static class InferenceBenchmark
{
    public static InferenceBenchmarkResult Run(string modelPath, EvaluationSet set, int batchSize, int rounds)
    {
        using var onnx = OnnxModel.Open(modelPath, Inference.Sessions.ExecutionDevice.Cpu);
        using var torchNet = RebuildTorchNet(modelPath, onnx.Info);
        var input = new float[set.Count * set.ValuesPerExample];
        set.CopyBatch(0, set.Count, input);

        var onnxLogits = new float[set.Count * onnx.OutputSize];
        var torchLogits = new float[set.Count * onnx.OutputSize];
        double onnxSeconds = 0, torchSeconds = 0;
        RunOnnx(onnx, input, set.Count, batchSize, onnxLogits);
        RunTorch(torchNet, input, set.Count, batchSize, onnx.Info, torchLogits);
        for (int round = 0; round < rounds; round++)
        {
            onnxSeconds += Time(() => RunOnnx(onnx, input, set.Count, batchSize, onnxLogits));
            torchSeconds += Time(() => RunTorch(torchNet, input, set.Count, batchSize, onnx.Info, torchLogits));
        }

        double images = (double)set.Count * rounds;
        double maxDifference = onnxLogits.Zip(torchLogits, (a, b) => Math.Abs(a - b)).Max();
        return new InferenceBenchmarkResult(Path.GetFileName(modelPath), set.Count, batchSize, rounds, get_num_threads(),
            images / onnxSeconds, images / torchSeconds, torchSeconds / onnxSeconds,
            Accuracy(onnxLogits, set, onnx.OutputSize), Accuracy(torchLogits, set, onnx.OutputSize), maxDifference);
    }

    private static TorchSharp.Modules.Sequential RebuildTorchNet(string modelPath, ModelInfo info)
    {
        if (!info.Properties.TryGetValue(Toolkit.Format.ModelFormat.Keys.Run, out string? runJson))
            throw new InvalidDataException($"{modelPath}: no '{Toolkit.Format.ModelFormat.Keys.Run}' metadata to rebuild the TorchSharp network from");
        using var run = JsonDocument.Parse(runJson);
        var spec = run.RootElement.GetProperty("spec").Deserialize<CifarRunSpec>(RunJson.Options)
            ?? throw new InvalidDataException($"{modelPath}: '{Toolkit.Format.ModelFormat.Keys.Run}' has no spec");
        var net = CifarNets.Build(spec.Net);
        OnnxWeightImporter.LoadInto(net, Toolkit.Export.OnnxFiles.Read(modelPath));
        net.eval();
        return net;
    }

    private static void RunOnnx(OnnxModel model, float[] input, int count, int batchSize, float[] logits)
    {
        int size = model.Info.InputSize;
        var batch = new float[batchSize * size];
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            Array.Copy(input, start * size, batch, 0, n * size);
            model.Run(batch, n, logits.AsSpan(start * model.OutputSize, n * model.OutputSize));
        }
    }

    private static void RunTorch(nn.Module<Tensor, Tensor> net, float[] input, int count, int batchSize, ModelInfo info, float[] logits)
    {
        int size = info.InputSize;
        int classes = info.Classes.Count;
        using var noGrad = no_grad();
        for (int start = 0; start < count; start += batchSize)
        {
            int n = Math.Min(batchSize, count - start);
            using var scope = NewDisposeScope();
            // Same work as the ONNX Runtime side: copy the batch into a new tensor, run, copy the logits out.
            var batch = tensor(input.AsSpan(start * size, n * size).ToArray(), [n, info.Channels, info.Height, info.Width]);
            var output = net.forward(batch);
            output.data<float>().CopyTo(logits.AsSpan(start * classes, n * classes));
        }
    }

    private static double Time(Action work)
    {
        var clock = Stopwatch.StartNew();
        work();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Accuracy(float[] logits, EvaluationSet set, int classes)
    {
        int correct = 0;
        for (int i = 0; i < set.Count; i++)
            if (ClassifierEvaluator.ArgMax(logits.AsSpan(i * classes, classes)) == set.Labels[i]) correct++;
        return correct / (double)set.Count;
    }
}
