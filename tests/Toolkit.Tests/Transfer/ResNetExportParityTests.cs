using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Toolkit.Export;
using Toolkit.Export.Gradients;
using Toolkit.Export.Import;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Sessions;
using Toolkit.Tests.Export;
using Toolkit.Training;
using Toolkit.Training.Transfer;
using TorchSharp.Modules;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;
using Tensor = TorchSharp.torch.Tensor;

namespace Toolkit.Tests.Transfer;

/// <summary>
/// Batch norm, residual blocks, global average pooling and nearest upsampling through the exporter: the forward
/// graph against the TorchSharp module, and the input-gradient graph against TorchSharp autograd, as in
/// OnnxParityTests and GradientParityTests (1e-4).
/// </summary>
public sealed class ResNetExportParityTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly TempFolder _folder = new();

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string name in RandomResNets.Names)
            foreach (int batch in new[] { 1, 3 })
                cases.Add(name, batch);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardGraphMatchesTorchSharp(string name, int batch)
    {
        using var model = RandomResNets.Create(name);
        manual_seed(batch);
        using var input = rand(batch, 3, 32, 32);
        float[] expected;
        using (no_grad())
        using (var logits = model.forward(input))
            expected = logits.data<float>().ToArray();

        var proto = OnnxModelExporter.Build(model, TestDescriptions.Cifar(name), 10);
        using var session = new InferenceSession(proto.ToByteArray());
        var onnxInput = new DenseTensor<float>(input.data<float>().ToArray(), [batch, 3, 32, 32]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxGraphBuilder.InputName, onnxInput)]);
        var actual = results.Single().AsTensor<float>();

        Assert.Equal([batch, 10], actual.Dimensions.ToArray());
        double maxDifference = expected.Zip(actual.ToArray(), (a, b) => Math.Abs(a - b)).Max();
        output.WriteLine($"{name} batch {batch}: max |logits difference| {maxDifference:E2} (largest logit {expected.Max(Math.Abs):G3})");
        Assert.True(maxDifference <= Tolerance, $"max abs difference {maxDifference:E2} > {Tolerance}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InputGradientMatchesTorchSharpAutograd(string name, int batch)
    {
        using var model = RandomResNets.Create(name);
        manual_seed(100 + batch);
        using var pixels = rand(batch, 3, 32, 32);
        long[] labels = Enumerable.Range(0, batch).Select(i => (long)(i * 3 % 10)).ToArray();
        var (logits, loss, gradient) = Autograd(model, pixels, labels);

        string path = _folder.File($"{name}.grad.onnx");
        File.WriteAllBytes(path, GradientGraphBuilder.Build(OnnxModelExporter.Build(model, TestDescriptions.Cifar(name), 10)).ToByteArray());
        using var graph = GradientModel.Open(path, ExecutionDevice.Cpu);
        var result = GradientResult.For(graph, batch);
        graph.Run(pixels.data<float>().ToArray(), labels, batch, result);

        double gradientError = RelativeError(gradient, result.InputGradient);
        double logitsError = RelativeError(logits, result.Logits);
        double lossError = RelativeError(loss, result.Loss);
        output.WriteLine($"{name} batch {batch}: relative max |diff| input_grad {gradientError:E2}, logits {logitsError:E2}, loss {lossError:E2}");
        Assert.True(gradientError <= Tolerance, $"input_grad differs by {gradientError:E2} of its largest magnitude");
        Assert.True(logitsError <= Tolerance, $"logits differ by {logitsError:E2}");
        Assert.True(lossError <= Tolerance, $"loss differs by {lossError:E2}");
    }

    [Fact]
    public void FlipAveragedGraphsMatchTheMeanOfBothViewsAndItsAutograd()
    {
        using var model = RandomResNets.Create("fast");
        manual_seed(9);
        using var pixels = rand(3, 3, 32, 32);
        long[] labels = [1, 4, 7];
        var flipAveraged = new FlipAveragedNet(model);
        var (logits, loss, gradient) = Autograd(flipAveraged, pixels, labels);

        var forward = OnnxModelExporter.Build(model, TestDescriptions.Cifar("fast"), 10, flipAveraging: true);
        string path = _folder.File("fast-flip.grad.onnx");
        File.WriteAllBytes(path, GradientGraphBuilder.Build(forward).ToByteArray());
        using var graph = GradientModel.Open(path, ExecutionDevice.Cpu);
        var result = GradientResult.For(graph, 3);
        graph.Run(pixels.data<float>().ToArray(), labels, 3, result);

        output.WriteLine($"flip-averaged: logits {RelativeError(logits, result.Logits):E2}, input_grad {RelativeError(gradient, result.InputGradient):E2}");
        Assert.True(RelativeError(logits, result.Logits) <= Tolerance, "logits differ from the mean of both views");
        Assert.True(RelativeError(loss, result.Loss) <= Tolerance, "loss differs");
        Assert.True(RelativeError(gradient, result.InputGradient) <= Tolerance, "input_grad differs from autograd through both views");
    }

    /// <summary>The reference: the mean of the network's logits on the batch and on its mirror image.</summary>
    private sealed class FlipAveragedNet(nn.Module<Tensor, Tensor> inner) : nn.Module<Tensor, Tensor>("FlipAveragedNet")
    {
        public override Tensor forward(Tensor input) => (inner.forward(input) + inner.forward(input.flip(3))) * 0.5;
    }

    [Fact]
    public void ExportedResNetImportsBackIntoAFreshOneExactly()
    {
        using var original = (ResNet)RandomResNets.Create("resnet");
        var graph = new ResNetOnnxGraph(OnnxModelExporter.Build(original, TestDescriptions.Cifar("resnet"), 10));
        Assert.Equal([1, 1, 1, 1], graph.StageBlocks());

        manual_seed(77);
        using var copy = ResNetBuilder.BasicBlocks(graph.StageBlocks(), 10);
        PretrainedResNetImporter.LoadInto(copy, graph, reverseInputChannels: false);
        copy.eval();

        using var input = rand(2, 3, 32, 32);
        using var noGrad = no_grad();
        using var a = ResNetBuilder.Features(original, input);
        using var b = ResNetBuilder.Features(copy, input);
        Assert.Equal(0.0, (a - b).abs().max().item<float>());
    }

    [Fact]
    public void ImportIntoAResNetWithOtherStagesFailsClearly()
    {
        using var original = (ResNet)RandomResNets.Create("resnet");
        var graph = new ResNetOnnxGraph(OnnxModelExporter.Build(original, TestDescriptions.Cifar("resnet"), 10));
        using var deeper = ResNetBuilder.BasicBlocks([2, 1, 1, 1], 10);

        var error = Assert.Throws<InvalidDataException>(() => PretrainedResNetImporter.LoadInto(deeper, graph, false));

        Assert.Contains("blocks", error.Message);
    }

    [Fact]
    public void BilinearUpsampleIsRefusedWithItsName()
    {
        using var model = nn.Sequential(("up", nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear)), ("flatten", nn.Flatten()));

        var error = Assert.Throws<UnsupportedLayerException>(() => ModuleWalker.Walk(model));

        Assert.Contains("up", error.Message);
        Assert.Contains("nearest", error.Message);
    }

    private static (float[] Logits, float[] Loss, float[] Gradient) Autograd(nn.Module<Tensor, Tensor> model, Tensor pixels, long[] labels)
    {
        NativeRuntime.TurnOneDnnOffOnAmd(); // as training does: oneDNN's input gradients are wrong on AMD CPUs
        using var scope = NewDisposeScope();
        var input = pixels.clone().requires_grad_(true);
        var logits = model.forward(input);
        var loss = nn.functional.cross_entropy(logits, tensor(labels), reduction: nn.Reduction.None);
        loss.sum().backward();
        return (Values(logits), Values(loss), Values(input.grad!));
    }

    private static float[] Values(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    private static double RelativeError(float[] expected, float[] actual)
    {
        double largest = expected.Max(v => Math.Abs((double)v));
        double worst = expected.Select((v, i) => Math.Abs((double)v - actual[i])).Max();
        return worst / Math.Max(largest, 1e-12);
    }

    public void Dispose() => _folder.Dispose();
}
