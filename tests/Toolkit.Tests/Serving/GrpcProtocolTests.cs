using Google.Protobuf;
using Grpc.Core;
using Toolkit.Inference;
using Toolkit.Inference.Sessions;
using Toolkit.Serving.Grpc.Protocol;
using Xunit;
using static Toolkit.Tests.Serving.ProtocolClient;

namespace Toolkit.Tests.Serving;

/// <summary>inference.GRPCInferenceService over the committed models/ folder, called as any gRPC client would.</summary>
public sealed class GrpcProtocolTests(ModelsServerFixture fixture) : IClassFixture<ModelsServerFixture>
{
    private GRPCInferenceService.GRPCInferenceServiceClient Client => new(fixture.Running.Channel);

    [Fact]
    public async Task HealthAndServerMetadataAnswer()
    {
        Assert.True((await Client.ServerLiveAsync(new ServerLiveRequest())).Live);
        Assert.True((await Client.ServerReadyAsync(new ServerReadyRequest())).Ready);
        Assert.True((await Client.ModelReadyAsync(new ModelReadyRequest { Name = "cifar10-conv", Version = "1" })).Ready);
        var server = await Client.ServerMetadataAsync(new ServerMetadataRequest());
        Assert.Equal("toolkit", server.Name);
        Assert.Contains("binary_tensor_data", server.Extensions);
    }

    [Fact]
    public async Task ModelMetadataDescribesTheGradientGraph()
    {
        var metadata = await Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "cifar10-lenet.grad" });
        Assert.Equal(["1"], metadata.Versions);
        Assert.Equal("onnxruntime_onnx", metadata.Platform);
        Assert.Equal(["input", "label"], metadata.Inputs.Select(i => i.Name));
        Assert.Equal("INT64", metadata.Inputs[1].Datatype);
        Assert.Equal([-1L], metadata.Inputs[1].Shape);
        Assert.Equal(["logits", "loss", "input_grad"], metadata.Outputs.Select(o => o.Name));
    }

    [Fact]
    public async Task ModelInferWithRawContentsMatchesOnnxRuntime()
    {
        var pixels = Pixels(3, 3 * 32 * 32, seed: 11);
        var request = new ModelInferRequest { ModelName = "cifar10-mlp", Id = "g-1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([3, 3, 32, 32]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(Bytes(pixels)));

        var response = await Client.ModelInferAsync(request);
        Assert.Equal("cifar10-mlp", response.ModelName);
        Assert.Equal("1", response.ModelVersion);
        Assert.Equal("g-1", response.Id);
        Assert.Equal("logits", response.Outputs[0].Name);
        Assert.Equal([3L, 10], response.Outputs[0].Shape);
        using var model = OnnxModel.Open(Path.Combine(RunningServer.ModelsFolder, "cifar10-mlp.onnx"), ExecutionDevice.Cpu);
        AssertClose(model.Run(pixels, 3), Floats(response.RawOutputContents[0].Span));
    }

    [Fact]
    public async Task ModelInferWithTypedContentsMatchesRawContents()
    {
        var pixels = Pixels(1, 784, seed: 12);
        var request = new ModelInferRequest { ModelName = "mnist-ae-linear-h64" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32", Contents = new InferTensorContents() };
        input.Shape.Add([1, 784]);
        input.Contents.Fp32Contents.Add(pixels);
        request.Inputs.Add(input);

        var response = await Client.ModelInferAsync(request);
        using var model = OnnxModel.Open(Path.Combine(RunningServer.ModelsFolder, "mnist-ae-linear-h64.onnx"), ExecutionDevice.Cpu);
        AssertClose(model.Run(pixels, 1), Floats(response.RawOutputContents[0].Span));
    }

    [Fact]
    public async Task ErrorsMapToGrpcStatusCodes()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Client.ModelMetadataAsync(new ModelMetadataRequest { Name = "nope" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var version = await Assert.ThrowsAsync<RpcException>(() => Client.ModelReadyAsync(new ModelReadyRequest { Name = "cifar10-conv", Version = "9" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, version.StatusCode);

        var request = new ModelInferRequest { ModelName = "mnist-pca-k32" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32" };
        input.Shape.Add([1, 784]);
        request.Inputs.Add(input);
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[10]));
        var bytes = await Assert.ThrowsAsync<RpcException>(() => Client.ModelInferAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bytes.StatusCode);
        Assert.Contains("bytes", bytes.Status.Detail);
    }
}
