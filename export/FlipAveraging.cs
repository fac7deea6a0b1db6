using Toolkit.Export.Ir;

namespace Toolkit.Export;

/// <summary>
/// Test-time flip averaging inside the graph: logits = (net(x) + net(mirror x)) / 2, written as a residual op whose
/// two paths are the network and a mirror followed by a copy of the network. Each path's last linear layer is halved
/// so that the Add gives the mean; the copy's ops are renamed so that its weights get their own initializers.
/// </summary>
public static class FlipAveraging
{
    private const string Prefix = "flipped.";

    public static IReadOnlyList<LayerOp> Wrap(IReadOnlyList<LayerOp> ops, long width)
    {
        if (ops.LastOrDefault() is not LinearOp last)
            throw new UnsupportedLayerException("flip averaging", ops.LastOrDefault()?.GetType().Name ?? "empty network", "the network must end in a linear layer");
        var halved = ops.Take(ops.Count - 1).Append(Halve(last)).ToList();
        var mirrored = halved.Select(Renamed).Prepend(new FlipWidthOp("mirror", width)).ToList();
        return [new ResidualOp("flip_average", halved, mirrored)];
    }

    private static LinearOp Halve(LinearOp linear) => linear with
    {
        Weight = Halve(linear.Weight),
        Bias = linear.Bias is null ? null : Halve(linear.Bias),
    };

    private static WeightTensor Halve(WeightTensor tensor) => tensor with { Values = tensor.Values.Select(v => v * 0.5f).ToArray() };

    private static LayerOp Renamed(LayerOp op) => op switch
    {
        ResidualOp r => r with { Name = Prefix + r.Name, Main = r.Main.Select(Renamed).ToList(), Shortcut = r.Shortcut.Select(Renamed).ToList() },
        _ => op with { Name = Prefix + op.Name },
    };
}
