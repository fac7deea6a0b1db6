using TorchSharp;
using static TorchSharp.torch;

namespace Toolkit.Training.Modules;

/// <summary>
/// <c>x + body(x)</c>: a skip connection around a block that keeps the shape of its input; the exporter writes
/// the body's nodes and one Add.
/// </summary>
public sealed class Residual : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> body;

    public Residual(nn.Module<Tensor, Tensor> body) : base(nameof(Residual))
    {
        this.body = body;
        RegisterComponents();
    }

    public nn.Module<Tensor, Tensor> Body => body;

    public override Tensor forward(Tensor input) => input + body.forward(input);
}
