using Grpc.Core;
using Toolkit.Serving.Grpc.Protocol;
using Toolkit.Serving.Inference;
using Toolkit.Serving.Rest;
using Toolkit.Serving.Triton;

namespace Toolkit.Serving.Grpc;

/// <summary>
/// <c>inference.GRPCInferenceService</c> of the Open Inference Protocol over the same repository and batchers as
/// REST. Outputs come back in <c>raw_output_contents</c>, as Triton answers; errors map to gRPC status codes.
/// </summary>
public sealed class InferenceGrpcService(ServingState state) : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = state.Ready });

    public override Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) => Answer(() =>
    {
        state.Repository.Find(request.Name, request.Version);
        return new ModelReadyResponse { Ready = state.Ready };
    });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse { Name = ServingState.ServerName, Version = ServingState.ServerVersion, Extensions = { ServingState.Extensions } });

    public override Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context) => Answer(() =>
    {
        var model = state.Repository.Find(request.Name, request.Version);
        var response = new ModelMetadataResponse { Name = model.Name, Platform = TritonModelConfig.OnnxPlatform };
        response.Versions.Add(state.Repository.VersionsOf(model.Name));
        response.Inputs.Add(model.Inputs.Select(Describe));
        response.Outputs.Add(model.Outputs.Select(Describe));
        return response;
    });

    public override async Task<ModelInferResponse> ModelInfer(ModelInferRequest request, ServerCallContext context)
    {
        try
        {
            var outputs = request.Outputs.Select(o => new RequestedOutput(o.Name, Binary: true)).ToList();
            var infer = new InferRequest(request.Id, GrpcTensors.Inputs(request), outputs, BinaryByDefault: true);
            var result = await state.Runner.InferAsync(request.ModelName, request.ModelVersion, infer);

            var response = new ModelInferResponse { ModelName = result.ModelName, ModelVersion = result.ModelVersion, Id = request.Id };
            foreach (var (tensor, _) in result.Outputs)
            {
                var output = new ModelInferResponse.Types.InferOutputTensor { Name = tensor.Name, Datatype = tensor.Datatype.Name };
                output.Shape.Add(tensor.Shape);
                response.Outputs.Add(output);
                response.RawOutputContents.Add(GrpcTensors.Raw(tensor));
            }
            return response;
        }
        catch (Exception e) when (e is not RpcException)
        {
            throw ToRpc(e);
        }
    }

    private static ModelMetadataResponse.Types.TensorMetadata Describe(Repository.TensorSpec spec)
    {
        var metadata = new ModelMetadataResponse.Types.TensorMetadata { Name = spec.Name, Datatype = spec.Datatype.Name };
        metadata.Shape.Add(spec.Shape);
        return metadata;
    }

    private static Task<T> Answer<T>(Func<T> handler)
    {
        try
        {
            return Task.FromResult(handler());
        }
        catch (Exception e)
        {
            throw ToRpc(e);
        }
    }

    /// <summary>The gRPC status for an error, through the same classification as the HTTP status.</summary>
    private static RpcException ToRpc(Exception e)
    {
        int status = ErrorMapping.StatusOf(e);
        var code = status switch
        {
            404 => StatusCode.NotFound,
            400 or 413 => StatusCode.InvalidArgument,
            503 => StatusCode.Unavailable,
            _ => StatusCode.Internal,
        };
        return new RpcException(new Status(code, ErrorMapping.MessageOf(e, status)));
    }
}
