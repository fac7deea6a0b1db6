using Google.Protobuf;
using Toolkit.Export.Gradients;
using Toolkit.Inference.Attacks;
using Toolkit.Inference.Sessions;
using Xunit;
using Xunit.Abstractions;

namespace Toolkit.Tests.Attacks;

/// <summary>
/// The gradient graph run by ONNX Runtime against TorchSharp autograd on the same weights and batch:
/// max |difference| must stay within 1e-4 of the largest magnitude of the reference.
/// </summary>
public sealed class GradientParityTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly TempFolder _folder = new();

    public static TheoryData<string, int> Cases()
    {
        var cases = new TheoryData<string, int>();
        foreach (string arch in MiniNets.Names)
            foreach (int batch in new[] { 1, 7 })
                cases.Add(arch, batch);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InputGradientMatchesTorchSharpAutograd(string arch, int batch)
    {
        var net = MiniNets.Create(arch);
        var (pixels, labels) = MiniNets.Batch(net, batch, seed: batch);
        var reference = TorchReference.Run(net, pixels, labels);

        using var model = OpenGradientGraph(net);
        var result = GradientResult.For(model, batch);
        model.Run(pixels, labels, batch, result);

        double gradient = RelativeError(reference.InputGradient, result.InputGradient);
        double logits = RelativeError(reference.Logits, result.Logits);
        double loss = RelativeError(reference.Loss, result.Loss);
        output.WriteLine($"{arch} batch {batch}: relative max |diff| input_grad {gradient:E2}, logits {logits:E2}, loss {loss:E2}");
        Assert.True(gradient <= Tolerance, $"input_grad differs by {gradient:E2} of its largest magnitude");
        Assert.True(logits <= Tolerance, $"logits differ by {logits:E2}");
        Assert.True(loss <= Tolerance, $"loss differs by {loss:E2}");
    }

    private GradientModel OpenGradientGraph(MiniNet net)
    {
        var gradient = GradientGraphBuilder.Build(ForwardGraphs.Build(net));
        string path = _folder.File($"{net.Arch}.grad.onnx");
        File.WriteAllBytes(path, gradient.ToByteArray());
        return GradientModel.Open(path, ExecutionDevice.Cpu);
    }

    private static double RelativeError(float[] expected, float[] actual)
    {
        double largest = expected.Max(v => Math.Abs((double)v));
        double worst = expected.Select((v, i) => Math.Abs((double)v - actual[i])).Max();
        return worst / Math.Max(largest, 1e-12);
    }

    public void Dispose() => _folder.Dispose();
}
