using Toolkit.Inference.Benchmarks;
using Xunit;

namespace Toolkit.Tests.Inference;

public sealed class OperatorProfileTests
{
    [Fact]
    public void TraceIsSummedByOperatorWithoutTheWarmUpRuns()
    {
        string trace = """
            [
              {"cat":"Session","name":"model_run","ts":0,"dur":100},
              {"cat":"Node","name":"conv_kernel_time","ts":10,"dur":80,"args":{"op_name":"Conv"}},
              {"cat":"Session","name":"model_run","ts":120,"dur":70},
              {"cat":"Node","name":"conv_kernel_time","ts":125,"dur":60,"args":{"op_name":"Conv"}},
              {"cat":"Session","name":"model_run","ts":200,"dur":40},
              {"cat":"Node","name":"conv_kernel_time","ts":205,"dur":30,"args":{"op_name":"Conv"}},
              {"cat":"Node","name":"relu_kernel_time","ts":236,"dur":2,"args":{"op_name":"Relu"}},
              {"cat":"Node","name":"relu_fence_before","ts":235,"dur":0,"args":{"op_name":"Relu"}},
              {"cat":"Session","name":"model_run","ts":300,"dur":60},
              {"cat":"Node","name":"conv_kernel_time","ts":305,"dur":50,"args":{"op_name":"Conv"}},
              {"cat":"Node","name":"relu_kernel_time","ts":356,"dur":2,"args":{"op_name":"Relu"}}
            ]
            """;

        var profile = OperatorProfile.Summarize("m.onnx", 8, 2, trace);

        Assert.Equal(2, profile.Runs);
        Assert.Equal(0.050, profile.MillisecondsPerRun, 6);
        Assert.Equal(["Conv", "Relu"], profile.Operators.Select(o => o.OpType));
        Assert.Equal(0.040, profile.Operators[0].MillisecondsPerRun, 6);
        Assert.Equal(80.0 / 84, profile.Operators[0].Share, 6);
        Assert.Equal(1, profile.Operators[1].Nodes);
    }

    [Fact]
    public void GradientGraphOfTheCommittedLogregIsProfiled()
    {
        var profile = OperatorProfile.Run(Repository.Model("cifar10-logreg.grad.onnx"), batch: 4, threads: 1, runs: 3);

        Assert.Equal(3, profile.Runs);
        Assert.Contains(profile.Operators, o => o.OpType == "Gemm");
        Assert.Equal(1.0, profile.Operators.Sum(o => o.Share), 6);
        Assert.True(profile.MillisecondsPerRun > 0);
    }
}
