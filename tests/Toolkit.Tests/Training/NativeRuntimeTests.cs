using Toolkit.Training;
using Xunit;
using static TorchSharp.torch;

namespace Toolkit.Tests.Training;

/// <summary>
/// After <see cref="NativeRuntime.TurnOneDnnOffOnAmd"/>, libtorch's float32 convolution input gradient agrees with
/// float64 for the narrow convolutions whose oneDNN gradients are wrong on AMD CPUs (on other CPUs it is a no-op
/// and the gradients agree anyway).
/// </summary>
public sealed class NativeRuntimeTests
{
    [Theory]
    [InlineData(5, 3, 4, 1)]
    [InlineData(5, 3, 4, 7)]
    [InlineData(3, 8, 8, 32)]
    public void ConvolutionInputGradientAgreesWithFloat64(int kernel, int inputs, int outputs, int batch)
    {
        NativeRuntime.TurnOneDnnOffOnAmd();
        using var scope = NewDisposeScope();
        for (int seed = 0; seed < 4; seed++)
        {
            manual_seed(seed);
            var weight = randn(outputs, inputs, kernel, kernel);
            var input = randn(batch, inputs, 16, 16).requires_grad_(true);
            var output = nn.functional.conv2d(input, weight, padding: [1, 1]);
            var outputGradient = randn(output.shape);
            (output * outputGradient).sum().backward();

            var exactInput = input.detach().to(float64).requires_grad_(true);
            (nn.functional.conv2d(exactInput, weight.to(float64), padding: [1, 1]) * outputGradient.to(float64)).sum().backward();

            double largest = exactInput.grad!.abs().max().item<double>();
            double error = (input.grad!.to(float64) - exactInput.grad!).abs().max().item<double>() / largest;
            Assert.True(error < 1e-5, $"seed {seed}: relative input-gradient error {error:E2}");
        }
    }
}
